"""Modal dialogs shared by the apps."""
