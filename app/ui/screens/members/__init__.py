"""The member register area (Đảng viên): list, form, status history, import and export."""

from app.ui.screens.members.view import MembersScreen

__all__ = ["MembersScreen"]
