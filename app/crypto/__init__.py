"""Keys, signatures and encryption of report files (chữ ký số, mã hóa).

Works on bytes and files the caller names; never reads the database. pyHanko is slow to
import (about 0.8 s), so nothing here is imported on the program's start-up path.
"""
