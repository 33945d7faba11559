"""Rehearsal replay: the step-through screen, its dialogs and the ritual it logs."""
