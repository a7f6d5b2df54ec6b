"""The areas of the main window (Tổng quan, Đảng viên, Cài đặt, ...), one screen each."""
