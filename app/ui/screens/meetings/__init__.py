"""The meetings area (Sinh hoạt chi bộ): list, editor of one meeting, plan of thematic topics."""

from app.ui.screens.meetings.view import MeetingsScreen

__all__ = ["MeetingsScreen"]
