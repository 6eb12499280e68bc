"""User-visible messages of the MARC layer (Vietnamese first, English second)."""

from app.i18n import Text

# Whole-file refusals (raised as ImportFormatError).
EMPTY_FILE = Text(
    "Tệp rỗng: không có biểu ghi MARC nào.", "The file is empty: it holds no MARC records."
)
NOT_MARC = Text(
    "Tệp này không phải dữ liệu MARC21 (ISO 2709, MARCXML hoặc MARC-in-JSON).",
    "This file is not MARC21 data (ISO 2709, MARCXML or MARC-in-JSON).",
)
UNIMARC = Text(
    "Tệp là UNIMARC, không phải MARC21: hãy chuyển đổi sang MARC21 trước khi nhập.",
    "The file is UNIMARC, not MARC21: convert it to MARC21 before importing.",
)
XML_UNREADABLE = Text(
    "Không đọc được tệp XML: hỏng ở dòng {line}, cột {column} (byte {byte}): {detail}; "
    "không có biểu ghi nào.",
    "The XML file cannot be read: broken at line {line}, column {column} (byte {byte}): "
    "{detail}; no records found.",
)
XML_NO_RECORDS = Text(
    "Tệp XML không chứa biểu ghi MARC (phần tử <record>) nào.",
    "The XML file contains no MARC records (<record> elements).",
)
JSON_UNREADABLE = Text(
    "Không đọc được tệp JSON: hỏng ở {detail}; không có biểu ghi nào.",
    "The JSON file cannot be read: broken at {detail}; no records found.",
)
JSON_NO_RECORDS = Text(
    "Tệp JSON không chứa biểu ghi MARC-in-JSON nào.",
    "The JSON file contains no MARC-in-JSON records.",
)
GZIP_BROKEN = Text(
    "Tệp nén gzip bị hỏng ({detail}).", "The gzip-compressed file is damaged ({detail})."
)

# Problems with one record (RecordProblem.reason).
TRUNCATED = Text(
    "Biểu ghi bị cụt: chỉ có {size} byte, ngắn hơn đầu biểu (24 byte).",
    "Truncated record: only {size} bytes, shorter than a leader (24 bytes).",
)
NO_DIRECTORY_END = Text(
    "Biểu ghi không có dấu kết thúc danh mục (0x1E).",
    "The record has no end-of-directory marker (0x1E).",
)
BAD_DIRECTORY = Text(
    "Danh mục của biểu ghi bị hỏng và không khớp với các trường ({detail}).",
    "The record's directory is broken and does not match its fields ({detail}).",
)
NO_FIELDS = Text("Biểu ghi không có trường nào.", "The record has no fields.")
MRK_BAD_LINE = Text(
    "Dòng {line} không phải một trường MARCMaker (=TAG  dữ liệu).",
    "Line {line} is not a MARCMaker field (=TAG  data).",
)
MRK_NO_LEADER = Text(
    "Biểu ghi MARCMaker không có dòng đầu biểu (=LDR).",
    "The MARCMaker record has no leader line (=LDR).",
)
XML_BAD_RECORD = Text("Biểu ghi MARCXML bị hỏng: {detail}.", "Broken MARCXML record: {detail}.")
XML_BROKEN_REST = Text(
    "Tệp XML bị hỏng từ dòng {line}, cột {column} (byte {byte}): {detail}; "
    "phần còn lại của tệp không đọc được.",
    "The XML is broken from line {line}, column {column} (byte {byte}) on: {detail}; "
    "the rest of the file cannot be read.",
)
JSON_BAD_RECORD = Text(
    "Biểu ghi MARC-in-JSON bị hỏng: {detail}.", "Broken MARC-in-JSON record: {detail}."
)
JSON_BAD_LINE = Text(
    "Biểu ghi MARC-in-JSON ở dòng {line} bị hỏng: {detail}.",
    "Broken MARC-in-JSON record on line {line}: {detail}.",
)
JSON_BROKEN_REST = Text(
    "Tệp JSON bị hỏng từ {detail}; phần còn lại của tệp không đọc được.",
    "The JSON is broken from {detail} on; the rest of the file cannot be read.",
)
JSON_POSITION = Text(
    "dòng {line}, cột {column} (byte {byte}): {detail}",
    "line {line}, column {column} (byte {byte}): {detail}",
)
JSON_COLUMN = Text("không phải JSON từ cột {column}: {detail}",
                   "not JSON from column {column}: {detail}")

# Writer refusals.
RECORD_TOO_LONG = Text(
    "Biểu ghi quá dài cho ISO 2709 ({size} byte, tối đa 99999): không ghi.",
    "Record too long for ISO 2709 ({size} bytes, at most 99999): not written.",
)
FIELD_TOO_LONG = Text(
    "Trường {tag} quá dài cho ISO 2709 ({size} byte, tối đa 9999): không ghi biểu ghi.",
    "Field {tag} is too long for ISO 2709 ({size} bytes, at most 9999): record not written.",
)
BAD_TAG = Text(
    "Nhãn trường không hợp lệ {tag!r}: không ghi biểu ghi.",
    "Invalid field tag {tag!r}: record not written.",
)
