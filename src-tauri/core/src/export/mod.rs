//! Lists out of Encore as CSV (UTF-8 with BOM, for Excel) and XLSX, with spreadsheet formula
//! injection neutralised.
