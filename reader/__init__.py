"""Duizhao (对照 · 대조): read Chinese policy documents side by side with their Korean translation."""

__version__ = "0.1.0"
APP_NAME = "Duizhao"
