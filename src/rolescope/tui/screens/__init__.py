"""Modal screens: questions, errors, help and pickers."""
