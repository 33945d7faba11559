"""Pictures of a beat: the stage plot and the body map, as text and as widgets."""
