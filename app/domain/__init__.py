"""Pure Party rules: standard library only. Numbers come from the regulation profile."""
