"""The six steps of the wizard, each a widget inside one tab."""
