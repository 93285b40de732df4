"""The committed generated packages under generated/ (``orders``, ``tour``, ``counter``)
importable by the tests here."""

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "generated" / "orders"))
sys.path.insert(0, str(ROOT / "generated" / "tour"))
sys.path.insert(0, str(ROOT / "generated" / "counter"))
