//! Reading a workbook or a CSV into sheets of text cells.

use super::ImportError;
use std::path::Path;

pub struct Sheet {
    pub name: String,
    /// Rows of cells as text; the first row is row 1 of the sheet.
    pub rows: Vec<Vec<String>>,
}

pub fn read_sheets(path: &Path) -> Result<Vec<Sheet>, ImportError> {
    let ext = path
        .extension()
        .and_then(|e| e.to_str())
        .map(str::to_ascii_lowercase)
        .unwrap_or_default();
    let err = |message: String| ImportError::Read {
        path: path.display().to_string(),
        message,
    };
    match ext.as_str() {
        "csv" => {
            let bytes = std::fs::read(path).map_err(|e| err(e.to_string()))?;
            let name = path
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_default();
            Ok(vec![Sheet {
                name,
                rows: csv_rows(&bytes).map_err(|e| err(e.to_string()))?,
            }])
        }
        "xlsx" | "xlsm" | "xls" | "xlsb" | "ods" => {
            use calamine::Reader;
            let mut wb = calamine::open_workbook_auto(path).map_err(|e| err(e.to_string()))?;
            let mut out = Vec::new();
            for name in wb.sheet_names() {
                let range = wb.worksheet_range(&name).map_err(|e| err(e.to_string()))?;
                // Rows and columns are counted from A1, whatever the used range.
                let (r0, c0) = range.start().unwrap_or((0, 0));
                let mut rows = vec![Vec::new(); r0 as usize];
                for row in range.rows() {
                    let mut cells = vec![String::new(); c0 as usize];
                    cells.extend(row.iter().map(cell_text));
                    rows.push(cells);
                }
                let merged = match &mut wb {
                    calamine::Sheets::Xlsx(x) => {
                        x.merge_cells_by_sheet_name(&name).unwrap_or_default()
                    }
                    calamine::Sheets::Xls(x) => {
                        x.merge_cells_by_sheet_name(&name).unwrap_or_default()
                    }
                    _ => Vec::new(),
                };
                fill_down(&mut rows, &merged);
                out.push(Sheet { name, rows });
            }
            Ok(out)
        }
        _ => Err(ImportError::Unsupported {
            path: path.display().to_string(),
        }),
    }
}

/// A cell merged over several rows (one agency's name beside its desks)
/// is read as its value in the first row and blanks below; it is given its
/// value in every row, as a person reads it. Merges across columns (a
/// header over 主・副) are left as they are.
fn fill_down(rows: &mut [Vec<String>], merged: &[calamine::Dimensions]) {
    for d in merged {
        let ((r0, c), (r1, c1)) = (d.start, d.end);
        let (r0, r1, c) = (r0 as usize, r1 as usize, c as usize);
        if c1 as usize != c || r1 <= r0 {
            continue;
        }
        let Some(value) = rows.get(r0).and_then(|r| r.get(c)).cloned() else {
            continue;
        };
        for row in rows.iter_mut().take(r1 + 1).skip(r0 + 1) {
            if row.len() <= c {
                row.resize(c + 1, String::new());
            }
            if row[c].is_empty() {
                row[c] = value.clone();
            }
        }
    }
}

fn cell_text(c: &calamine::Data) -> String {
    use calamine::Data;
    match c {
        Data::Empty => String::new(),
        // Whole numbers (No. 10, 内線 5782) without a trailing ".0".
        Data::Float(f) if f.fract() == 0.0 && f.abs() < 1e15 => format!("{}", *f as i64),
        other => other.to_string(),
    }
}

/// UTF-8 (with or without BOM) when the bytes are valid UTF-8, otherwise
/// Shift_JIS, which is what Excel writes for a Japanese "CSV".
fn csv_rows(bytes: &[u8]) -> Result<Vec<Vec<String>>, csv::Error> {
    let text = match std::str::from_utf8(bytes) {
        Ok(t) => t.trim_start_matches('\u{feff}').to_string(),
        Err(_) => encoding_rs::SHIFT_JIS.decode(bytes).0.into_owned(),
    };
    let mut r = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .from_reader(text.as_bytes());
    r.records()
        .map(|rec| rec.map(|rec| rec.iter().map(String::from).collect()))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shift_jis_csv_is_decoded() {
        let (bytes, _, _) = encoding_rs::SHIFT_JIS.encode("相談項目,機関名\n介護,介護保険課\n");
        let rows = csv_rows(&bytes).expect("csv");
        assert_eq!(rows[1], vec!["介護", "介護保険課"]);
    }

    #[test]
    fn utf8_bom_is_dropped() {
        let rows = csv_rows("\u{feff}相談項目,No.\n".as_bytes()).expect("csv");
        assert_eq!(rows[0][0], "相談項目");
    }
}
