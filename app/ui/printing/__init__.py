"""Print preview, printing through the Qt print dialog, and "save as PDF".

Screens import `open_preview` from `app.ui.print_preview`, the public entry point.
"""
