from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SEEDS_DIR = ROOT / "seeds"

# name -> (file, region, year reported)
SEEDS = {
    "yingkou": ("yingkou-2023.txt", "营口市", 2023),
    "tongzhou": ("tongzhou-2023.txt", "通州区", 2023),
    "zhumadian": ("zhumadian-2019.txt", "驻马店市", 2019),
    "heqing": ("heqing-2023.txt", "鹤庆县", 2023),
    "xinyu": ("xinyu-2021.txt", "新余市", 2021),
}


def seed_path(name: str) -> Path:
    return SEEDS_DIR / SEEDS[name][0]


@pytest.fixture(params=sorted(SEEDS))
def seed_name(request):
    return request.param
