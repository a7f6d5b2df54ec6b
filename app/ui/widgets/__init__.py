"""Widgets shared by several screens (date field, severity label, cell profile fields)."""
