"""The screens of the app: start, editor, help and the small dialogs."""
