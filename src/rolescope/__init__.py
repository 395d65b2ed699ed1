"""rolescope: scope a machine-learning hire from the real work of its first six months.

Importing the package imports nothing else: headless commands pay only for what
they use, and the terminal UI is loaded only by the command that opens it.
"""

__version__ = "0.1.0"
