"""Sổ Chi bộ: the offline record book of a party cell (chi bộ) secretary."""

__version__ = "0.1.0"
APP_NAME = "SoChiBo"
