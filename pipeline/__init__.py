"""dechiffre: organisations and numeric claims from French news text."""

__version__ = "0.1.0"
