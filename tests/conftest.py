import pytest
from helpers import SEEDS


@pytest.fixture(params=sorted(SEEDS))
def seed_name(request):
    return request.param
