"""The editor's side of productions: the production start screen, the
whole-production-or-this-scene question, what a cast change did to other scenes,
and each performer's sheet on screen. See docs/productions.md, "In the editor"."""
