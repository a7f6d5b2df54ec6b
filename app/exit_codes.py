"""Exit codes shared by the command line and its sub-commands."""

EXIT_OK, EXIT_REFUSED, EXIT_USAGE = 0, 1, 2
