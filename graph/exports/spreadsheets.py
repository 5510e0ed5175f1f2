"""The tables as files a spreadsheet opens: a zip of one CSV file per table, or one XLSX workbook with a sheet
per table.

CSV files are UTF-8 with a byte order mark, so that Excel reads the Norwegian letters right, and comma-separated
as RFC 4180 has it; the workbook says it is in Norwegian (bokmål).
"""

import csv
import io
import zipfile

from openpyxl import Workbook

from graph.exports.tables import Table, tables
from graph.readmodel import ReadModel

LANGUAGE = "nb-NO"
FIXED_TIME = (1980, 1, 1, 0, 0, 0)  # zip entries carry no clock time: the same graph gives the same bytes


def csv_zip(readmodel: ReadModel) -> bytes:
    """Return the tables of ``readmodel`` as a zip holding one CSV file per table."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for table in tables(readmodel):
            archive.writestr(zipfile.ZipInfo(f"{table.name}.csv", FIXED_TIME), csv_text(table).encode("utf-8-sig"),
                             compress_type=zipfile.ZIP_DEFLATED)
    return buffer.getvalue()


def csv_text(table: Table) -> str:
    """Return ``table`` as CSV text, its header first; an empty cell for a missing value.

    >>> csv_text(Table("t", ("id", "Tiltak"), (("pll", "Pasientens legemiddelliste"), ("x", None))))
    'id,Tiltak\\r\\npll,Pasientens legemiddelliste\\r\\nx,\\r\\n'
    """
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(table.header)
    writer.writerows(table.rows)
    return out.getvalue()


def xlsx(readmodel: ReadModel) -> bytes:
    """Return the tables of ``readmodel`` as an XLSX workbook, one sheet per table."""
    workbook = Workbook()
    workbook.remove(workbook.active)
    workbook.properties.language = LANGUAGE
    workbook.properties.title = "Veikart"
    for table in tables(readmodel):
        sheet = workbook.create_sheet(table.name.capitalize())
        sheet.append(table.header)
        for row in table.rows:
            sheet.append(row)
            for cell in sheet[sheet.max_row]:
                if isinstance(cell.value, str) and cell.value.startswith("="):
                    cell.data_type = "s"  # text, not a formula: a sentence may begin with "="
        sheet.freeze_panes = "A2"
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()

