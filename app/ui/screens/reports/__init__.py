"""The Reports area (Báo cáo): signed report files to the superior committee, their
acknowledgements, and the cell's signing key."""

from app.ui.screens.reports.view import ReportsScreen

__all__ = ["ReportsScreen"]
