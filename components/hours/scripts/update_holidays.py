#!/usr/bin/env python3
"""Regenerate data/holidays.csv (Japanese national holidays).

Output follows the Cabinet Office's syukujitsu.csv layout (UTF-8 instead of
Shift_JIS) so that the official file, converted with
`iconv -f SHIFT_JIS -t UTF-8`, can be dropped in instead.

Source: the PyPI package `holidays` (https://pypi.org/project/holidays/),
whose Japan calendar implements the 国民の祝日に関する法律 including
振替休日 and 国民の休日, and the announced 春分/秋分 dates.

Usage:
    pip install holidays
    python3 components/hours/scripts/update_holidays.py [--until YEAR]
"""
import argparse
import datetime
import pathlib

import holidays

FIRST_YEAR = 1955  # the Cabinet Office list starts here too


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--until",
        type=int,
        # The Cabinet Office publishes the next year's list every February,
        # once the equinox days are announced; later years are predictions.
        default=datetime.date.today().year + 1,
    )
    args = parser.parse_args()
    out = pathlib.Path(__file__).resolve().parent.parent / "data" / "holidays.csv"
    jp = holidays.Japan(years=range(FIRST_YEAR, args.until + 1), language="ja")
    lines = ["国民の祝日・休日月日,国民の祝日・休日名称"]
    for day, name in sorted(jp.items()):
        lines.append(f"{day.year}/{day.month}/{day.day},{name}")
    out.write_text("\r\n".join(lines) + "\r\n", encoding="utf-8")
    print(f"wrote {len(lines) - 1} holidays {FIRST_YEAR}-{args.until} to {out}")


if __name__ == "__main__":
    main()
