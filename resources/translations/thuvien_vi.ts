<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="vi_VN" sourcelanguage="en_US">
  <context>
    <name>AddCopiesDialog</name>
    <message>
      <source>Add copies</source>
      <translation>Thêm bản sách</translation>
    </message>
    <message>
      <source>Number of copies</source>
      <translation>Số bản</translation>
    </message>
    <message>
      <source>Collection</source>
      <translation>Kho</translation>
    </message>
  </context>
  <context>
    <name>CameraPage</name>
    <message>
      <source>fastest, enough for most labels</source>
      <translation>nhanh nhất, đủ cho hầu hết các nhãn</translation>
    </message>
    <message>
      <source>sharper, uses more of the computer</source>
      <translation>nét hơn, máy tính phải làm việc nhiều hơn</translation>
    </message>
    <message>
      <source>Switch the camera on when the desk opens</source>
      <translation>Bật camera khi mở quầy mượn trả</translation>
    </message>
    <message>
      <source>&amp;Save</source>
      <translation>&amp;Lưu</translation>
    </message>
    <message>
      <source>0 is the first camera of this computer, 1 the second… A USB scanner needs no setting here.</source>
      <translation>0 là camera thứ nhất của máy tính này, 1 là camera thứ hai… Máy quét USB không cần cài đặt ở đây.</translation>
    </message>
    <message>
      <source>Camera number</source>
      <translation>Số camera</translation>
    </message>
    <message>
      <source>Resolution</source>
      <translation>Độ phân giải</translation>
    </message>
    <message>
      <source>Try the camera chosen above (hold a barcode in front of it; nothing is lent here):</source>
      <translation>Thử camera đã chọn ở trên (đưa một mã vạch vào trước camera; ở đây không cho mượn gì):</translation>
    </message>
    <message>
      <source>Saved. The desk uses this camera the next time it is switched on.</source>
      <translation>Đã lưu. Quầy mượn trả dùng camera này từ lần bật camera tiếp theo.</translation>
    </message>
  </context>
  <context>
    <name>CameraPanel</name>
    <message>
      <source>Camera</source>
      <extracomment>How often the GUI collects the worker's news (ms): adds at most this to a scan's latency. (code, frame captured at, desk answered at) — perf_counter() times, for the benchmark</extracomment>
      <translation>Camera</translation>
    </message>
    <message>
      <source>Starting camera {camera}…</source>
      <translation>Đang bật camera {camera}…</translation>
    </message>
    <message>
      <source>Camera {camera} is on. Hold a barcode in front of it.</source>
      <translation>Camera {camera} đang bật. Hãy đưa mã vạch vào trước camera.</translation>
    </message>
    <message>
      <source>Camera off. {key} switches it on; the USB scanner always works.</source>
      <translation>Camera đang tắt. Bấm {key} để bật; máy quét USB lúc nào cũng dùng được.</translation>
    </message>
    <message>
      <source>Camera off.</source>
      <translation>Camera đang tắt.</translation>
    </message>
    <message>
      <source>Switch camera off</source>
      <translation>Tắt camera</translation>
    </message>
    <message>
      <source>Switch camera on</source>
      <translation>Bật camera</translation>
    </message>
    <message>
      <source>S&amp;witch camera off</source>
      <translation>Tắt c&amp;amera</translation>
    </message>
    <message>
      <source>Switch camera &amp;on</source>
      <translation>&amp;Bật camera</translation>
    </message>
  </context>
  <context>
    <name>CameraWorker</name>
    <message>
      <source>The camera stopped: {error}</source>
      <extracomment>the last decode times (a day at 30 frames/s would otherwise keep ~900,000 of them)</extracomment>
      <translation>Camera đã dừng: {error}</translation>
    </message>
  </context>
  <context>
    <name>CardValidityPage</name>
    <message>
      <source>Student cards</source>
      <translation>Thẻ học sinh</translation>
    </message>
    <message>
      <source>Teacher cards</source>
      <translation>Thẻ giáo viên</translation>
    </message>
    <message>
      <source>Staff cards</source>
      <translation>Thẻ cán bộ, nhân viên</translation>
    </message>
    <message>
      <source>Community reader cards</source>
      <translation>Thẻ bạn đọc ngoài trường</translation>
    </message>
    <message>
      <source>No expiry</source>
      <translation>Không có hạn</translation>
    </message>
    <message>
      <source>To the end of the school year (31/05)</source>
      <translation>Đến hết năm học (31/05)</translation>
    </message>
    <message>
      <source>A number of months</source>
      <translation>Số tháng</translation>
    </message>
    <message>
      <source> months</source>
      <translation> tháng</translation>
    </message>
    <message>
      <source> days</source>
      <translation> ngày</translation>
    </message>
    <message>
      <source>Say a card expires soon from</source>
      <translation>Báo thẻ sắp hết hạn trước</translation>
    </message>
    <message>
      <source>New cards and class lists get this validity; F10 at the desk and “Renew cards…” in Patrons renew by it. Cards already issued keep theirs. An expired card may return books but not borrow or renew them.</source>
      <translation>Thẻ cấp mới và danh sách lớp nhập vào lấy thời hạn này; F10 ở quầy và “Gia hạn thẻ…” ở mục Bạn đọc gia hạn theo nó. Thẻ đã cấp giữ hạn của mình. Thẻ hết hạn vẫn trả sách được nhưng không mượn, không gia hạn sách được.</translation>
    </message>
    <message>
      <source>&amp;Save</source>
      <translation>&amp;Lưu</translation>
    </message>
    <message>
      <source>Saved.</source>
      <translation>Đã lưu.</translation>
    </message>
  </context>
  <context>
    <name>CatalogView</name>
    <message>
      <source>Search title, author, subject, ISBN or accession number (2 letters or more)…</source>
      <translation>Tìm nhan đề, tác giả, chủ đề, ISBN hoặc số ĐKCB (từ 2 chữ)…</translation>
    </message>
    <message>
      <source>Print labels for every copy of the records found (Ctrl+Shift+L)</source>
      <translation>In nhãn cho mọi bản sách của các biểu ghi tìm được (Ctrl+Shift+L)</translation>
    </message>
    <message>
      <source>Title</source>
      <translation>Nhan đề</translation>
    </message>
    <message>
      <source>Author</source>
      <translation>Tác giả</translation>
    </message>
    <message>
      <source>Year</source>
      <translation>Năm</translation>
    </message>
    <message>
      <source>Call number</source>
      <translation>Ký hiệu xếp giá</translation>
    </message>
    <message>
      <source>Copies</source>
      <translation>Bản sách</translation>
    </message>
    <message>
      <source>Labels for all &amp;results…</source>
      <translation>In nhãn cho &amp;mọi kết quả…</translation>
    </message>
    <message>
      <source>&amp;New record (Ctrl+N)</source>
      <translation>&amp;Biểu ghi mới (Ctrl+N)</translation>
    </message>
    <message>
      <source>&amp;Import MARC…</source>
      <translation>&amp;Nhập MARC…</translation>
    </message>
    <message>
      <source>E&amp;xport MARC…</source>
      <translation>X&amp;uất MARC…</translation>
    </message>
    <message>
      <source>&amp;Edit record…</source>
      <translation>Sử&amp;a…</translation>
    </message>
    <message>
      <source>Add &amp;copies…</source>
      <translation>T&amp;hêm bản sách…</translation>
    </message>
    <message>
      <source>&amp;Print labels…</source>
      <translation>&amp;In nhãn…</translation>
    </message>
    <message>
      <source>&amp;Holds…</source>
      <translation>Đặt t&amp;rước…</translation>
    </message>
    <message>
      <source>Who is waiting for this book; put a reader in the queue by their card</source>
      <translation>Ai đang chờ cuốn sách này; thêm bạn đọc vào hàng chờ bằng thẻ</translation>
    </message>
    <message>
      <source>Searching…</source>
      <translation>Đang tìm…</translation>
    </message>
    <message>
      <source>{count} found</source>
      <translation>Tìm thấy {count}</translation>
    </message>
    <message>
      <source>≈ {count} found</source>
      <translation>Tìm thấy ≈ {count}</translation>
    </message>
    <message>
      <source>No records found</source>
      <translation>Không tìm thấy tài liệu nào</translation>
    </message>
    <message>
      <source>Import MARC records</source>
      <translation>Nhập biểu ghi MARC</translation>
    </message>
    <message>
      <source>Importing {name}</source>
      <translation>Đang nhập {name}</translation>
    </message>
    <message>
      <source>Unexpected error: {error}</source>
      <translation>Lỗi không mong đợi: {error}</translation>
    </message>
    <message>
      <source>Catalog</source>
      <translation>Biên mục</translation>
    </message>
    <message>
      <source>Export MARC records</source>
      <translation>Xuất biểu ghi MARC</translation>
    </message>
    <message>
      <source>MARC 21 (ISO 2709) (*.mrc);;MARCXML (*.xml)</source>
      <translation>MARC 21 (ISO 2709) (*.mrc);;MARCXML (*.xml)</translation>
    </message>
    <message>
      <source>Exporting</source>
      <translation>Đang xuất</translation>
    </message>
    <message>
      <source>Export</source>
      <translation>Xuất dữ liệu</translation>
    </message>
    <message>
      <source>Catalog written to {path}.</source>
      <translation>Đã ghi toàn bộ biểu ghi vào {path}.</translation>
    </message>
    <message>
      <source>{count} record(s) were too long for ISO 2709 and were left out.</source>
      <translation>{count} biểu ghi quá dài cho ISO 2709 nên không được xuất.</translation>
    </message>
  </context>
  <context>
    <name>ClassLoanDialog</name>
    <message>
      <source>Textbooks for class {name}</source>
      <translation>Sách giáo khoa cho lớp {name}</translation>
    </message>
    <message>
      <source>Each student's card, then the copies handed to them: the copies recorded are the ones each student really has</source>
      <translation>Quét thẻ từng học sinh, rồi các cuốn phát cho em đó: sổ ghi đúng cuốn mỗi em cầm</translation>
    </message>
    <message>
      <source>The set:</source>
      <translation>Bộ sách:</translation>
    </message>
    <message>
      <source>A new set (due at the end of the school year, by the textbook rule)</source>
      <translation>Bộ sách mới (hạn trả cuối năm học, theo quy định sách giáo khoa)</translation>
    </message>
    <message>
      <source>Title or ISBN of a textbook, then Enter</source>
      <translation>Nhan đề hoặc ISBN, rồi nhấn Enter</translation>
    </message>
    <message>
      <source>&amp;Add to the set →</source>
      <translation>Thê&amp;m vào bộ →</translation>
    </message>
    <message>
      <source>Take &amp;out of the set</source>
      <translation>&amp;Bỏ khỏi bộ</translation>
    </message>
    <message>
      <source>&amp;Lend the set to the whole class</source>
      <translation>&amp;Cho cả lớp mượn bộ sách</translation>
    </message>
    <message>
      <source>Lend by &amp;scanning at the desk…</source>
      <translation>Cho mượn bằng cách &amp;quét ở quầy…</translation>
    </message>
    <message>
      <source>&amp;Who still has what</source>
      <translation>&amp;Ai còn giữ sách gì</translation>
    </message>
    <message>
      <source>&amp;mark the copies still out as lost</source>
      <translation>&amp;ghi mất các bản chưa trả</translation>
    </message>
    <message>
      <source>Clos&amp;e the set</source>
      <translation>&amp;Kết thúc đợt mượn</translation>
    </message>
    <message>
      <source>Scan mo&amp;re at the desk…</source>
      <translation>Quét &amp;tiếp ở quầy…</translation>
    </message>
    <message>
      <source>Sets lent to this class</source>
      <translation>Các đợt mượn của lớp</translation>
    </message>
    <message>
      <source>&amp;Close</source>
      <translation>Đó&amp;ng</translation>
    </message>
    <message>
      <source>{title} — {count} on the shelf</source>
      <translation>{title} — {count} bản trên giá</translation>
    </message>
    <message>
      <source>Add the set's textbooks first.</source>
      <translation>Hãy thêm sách vào bộ trước.</translation>
    </message>
    <message>
      <source>{count} copies lent to class {name}, due {due}.</source>
      <translation>Đã cho lớp {name} mượn {count} bản, hạn trả {due}.</translation>
    </message>
    <message>
      <source>{count} could not be lent: see who below.</source>
      <translation>{count} bản chưa cho mượn được: xem tên học sinh bên dưới.</translation>
    </message>
    <message>
      <source>open</source>
      <translation>đang mượn</translation>
    </message>
    <message>
      <source>closed</source>
      <translation>đã kết thúc</translation>
    </message>
    <message>
      <source>Due {due} ({state}): {titles}</source>
      <translation>Hạn {due} ({state}): {titles}</translation>
    </message>
    <message>
      <source>{count} copies still out.</source>
      <translation>Còn {count} bản chưa trả.</translation>
    </message>
    <message>
      <source>{name}: still has {copies}</source>
      <translation>{name}: còn giữ {copies}</translation>
    </message>
    <message>
      <source>{name}: was not given {titles}</source>
      <translation>{name}: chưa được phát {titles}</translation>
    </message>
    <message>
      <source>{name}: everything returned</source>
      <translation>{name}: đã trả đủ</translation>
    </message>
    <message>
      <source>Close the set</source>
      <translation>Kết thúc đợt mượn</translation>
    </message>
    <message>
      <source>Mark the {count} textbooks of class {name} still out as lost?</source>
      <translation>Ghi mất {count} bản sách giáo khoa chưa trả của lớp {name}?</translation>
    </message>
    <message>
      <source>The loan of each is closed and stays on its student's record. To close the set with the copies still on loan, untick “mark the copies still out as lost”.</source>
      <translation>Lượt mượn của từng bản được đóng và vẫn ghi tên học sinh đã mượn. Muốn kết thúc đợt mà các em vẫn giữ sách, hãy bỏ chọn “ghi mất các bản chưa trả”.</translation>
    </message>
    <message>
      <source>&amp;Mark {count} lost</source>
      <translation>&amp;Ghi mất {count} bản</translation>
    </message>
    <message>
      <source>&amp;No, go back</source>
      <translation>&amp;Không, quay lại</translation>
    </message>
    <message>
      <source>The set is closed.</source>
      <translation>Đã kết thúc đợt mượn.</translation>
    </message>
    <message>
      <source>The set is closed: {count} copies still out are marked lost.</source>
      <translation>Đã kết thúc đợt mượn: đã ghi mất {count} bản chưa trả.</translation>
    </message>
    <message>
      <source>The set is closed: {count} copies are still out, not marked lost.</source>
      <translation>Đã kết thúc đợt mượn: còn {count} bản chưa trả, chưa ghi mất.</translation>
    </message>
  </context>
  <context>
    <name>ClockBanner</name>
    <message>
      <source>This computer's &amp;date is right…</source>
      <translation>&amp;Ngày trên máy đã đúng…</translation>
    </message>
    <message>
      <source>Everything dated is stopped (lending, returns, payments, stocktakes…): {reason}</source>
      <translation>Đã dừng mọi việc có ghi ngày (mượn, trả, thu tiền, kiểm kê…): {reason}</translation>
    </message>
    <message>
      <source>Is this computer's date right?</source>
      <translation>Ngày trên máy có đúng không?</translation>
    </message>
    <message>
      <source>This computer's date: {now}. The library recorded up to: {latest}. Confirm only if today really is {now} — if this computer has just lost its date ({dead}), set its clock instead of clicking here.</source>
      <translation>Ngày trên máy: {now}. Thư viện đã ghi đến: {latest}. Chỉ xác nhận nếu hôm nay đúng là {now} — nếu máy vừa bị mất ngày ({dead}), hãy chỉnh đồng hồ máy thay vì bấm ở đây.</translation>
    </message>
    <message>
      <source>&amp;Yes, today is {date}</source>
      <translation>&amp;Xác nhận: hôm nay là {date}</translation>
    </message>
    <message>
      <source>&amp;No, I will set the clock</source>
      <translation>&amp;Không, tôi sẽ chỉnh đồng hồ máy</translation>
    </message>
  </context>
  <context>
    <name>ColumnsPage</name>
    <message>
      <source>2. Check the columns</source>
      <translation>2. Kiểm tra các cột</translation>
    </message>
    <message>
      <source>Columns typed in an old Vietnamese font (TCVN3/.VnTime, VNI) are detected and converted. If a name still reads wrong, choose its column's encoding.</source>
      <translation>Các cột gõ bằng phông chữ cũ (TCVN3/.VnTime, VNI) được nhận ra và chuyển sang Unicode. Nếu tên vẫn sai chữ, hãy chọn bảng mã của cột đó.</translation>
    </message>
    <message>
      <source>Column</source>
      <translation>Cột</translation>
    </message>
    <message>
      <source>Header</source>
      <translation>Tiêu đề</translation>
    </message>
    <message>
      <source>Field</source>
      <translation>Trường</translation>
    </message>
    <message>
      <source>Text encoding</source>
      <translation>Bảng mã</translation>
    </message>
    <message>
      <source>First value</source>
      <translation>Giá trị đầu tiên</translation>
    </message>
    <message>
      <source>Unicode</source>
      <translation>Unicode</translation>
    </message>
    <message>
      <source>TCVN3 (.VnTime) → Unicode</source>
      <translation>TCVN3 (.VnTime) → Unicode</translation>
    </message>
    <message>
      <source>VNI → Unicode</source>
      <translation>VNI → Unicode</translation>
    </message>
    <message>
      <source>Windows-1258 → Unicode</source>
      <translation>Windows-1258 → Unicode</translation>
    </message>
  </context>
  <context>
    <name>ConfirmPage</name>
    <message>
      <source>4. Import</source>
      <translation>4. Nhập</translation>
    </message>
    <message>
      <source>&amp;Import</source>
      <translation>&amp;Nhập</translation>
    </message>
    <message>
      <source>Press Import to add {new} new patron(s) and update {update}. {error} row(s) with errors will not be imported.</source>
      <translation>Bấm Nhập để thêm {new} bạn đọc mới và cập nhật {update}. {error} dòng có lỗi sẽ không được nhập.</translation>
    </message>
  </context>
  <context>
    <name>CopyDetails</name>
    <message>
      <source>e.g. 45.000 (đồng)</source>
      <translation>ví dụ 45.000 (đồng)</translation>
    </message>
    <message>
      <source>not known</source>
      <translation>không rõ</translation>
    </message>
    <message>
      <source>Purchase</source>
      <translation>Mua</translation>
    </message>
    <message>
      <source>Donation</source>
      <translation>Biếu tặng</translation>
    </message>
    <message>
      <source>Allocated by the Department</source>
      <translation>Cấp phát</translation>
    </message>
    <message>
      <source>Exchange</source>
      <translation>Trao đổi</translation>
    </message>
    <message>
      <source>shelf or cupboard, e.g. Tủ 3</source>
      <translation>giá hoặc tủ, ví dụ Tủ 3</translation>
    </message>
    <message>
      <source>Price</source>
      <translation>Giá tiền</translation>
    </message>
    <message>
      <source>Date received</source>
      <translation>Ngày nhập</translation>
    </message>
    <message>
      <source>Source</source>
      <translation>Nguồn</translation>
    </message>
    <message>
      <source>Location</source>
      <translation>Vị trí</translation>
    </message>
    <message>
      <source>Note</source>
      <translation>Ghi chú</translation>
    </message>
    <message>
      <source>“{text}” is not a price: write it in đồng, from 0 to 1.000.000.000, e.g. 45.000.</source>
      <translation>“{text}” không phải giá tiền: hãy viết số đồng, từ 0 đến 1.000.000.000, ví dụ 45.000.</translation>
    </message>
  </context>
  <context>
    <name>CopyEditActions</name>
    <message>
      <source>Only for a copy entered by mistake that was never lent; its accession number is not given again. A copy that leaves the library is marked lost or withdrawn.</source>
      <translation>Chỉ dùng cho bản sách nhập nhầm và chưa từng cho mượn; số ĐKCB của nó không cấp lại. Bản sách rời thư viện thì đánh dấu mất hoặc thanh lý.</translation>
    </message>
    <message>
      <source>Edit cop&amp;y…</source>
      <translation>&amp;Sửa bản sách…</translation>
    </message>
    <message>
      <source>Re&amp;move copy…</source>
      <translation>&amp;Xoá bản sách…</translation>
    </message>
    <message>
      <source>&amp;Withdraw…</source>
      <translation>Thanh &amp;lý…</translation>
    </message>
    <message>
      <source>Write off a worn-out or outdated copy (thanh lý), with the write-off record's number; it stays in the catalog, marked withdrawn.</source>
      <translation>Thanh lý bản sách rách nát hoặc lạc hậu, kèm số biên bản; bản sách vẫn ở trong mục lục, ghi là đã thanh lý.</translation>
    </message>
    <message>
      <source>Copy {barcode} withdrawn.</source>
      <translation>Đã thanh lý bản sách {barcode}.</translation>
    </message>
    <message>
      <source>Remove copy</source>
      <translation>Xoá bản sách</translation>
    </message>
    <message>
      <source>Remove copy {barcode}, entered by mistake? Its accession number will not be given to another copy.</source>
      <translation>Xoá bản sách {barcode} đã nhập nhầm? Số ĐKCB này sẽ không cấp cho bản sách khác.</translation>
    </message>
    <message>
      <source>Copy {barcode} removed.</source>
      <translation>Đã xoá bản sách {barcode}.</translation>
    </message>
  </context>
  <context>
    <name>CopyStatusActions</name>
    <message>
      <source>Copy &amp;lost…</source>
      <translation>Bá&amp;o mất…</translation>
    </message>
    <message>
      <source>Copy &amp;damaged</source>
      <translation>Báo hỏn&amp;g</translation>
    </message>
    <message>
      <source>Copy f&amp;ound</source>
      <translation>Đã tìm thấ&amp;y</translation>
    </message>
    <message>
      <source>Mark the selected copy lost; a copy on loan closes its loan and, where the library charges for lost books, its reader is charged.</source>
      <translation>Ghi mất bản sách đang chọn; nếu đang cho mượn, lượt mượn được đóng và bạn đọc phải đền theo quy định của thư viện.</translation>
    </message>
    <message>
      <source>A lost or damaged copy is back: on the shelf, or kept for the next hold.</source>
      <translation>Sách mất hoặc hỏng đã có lại: đưa lên giá, hoặc giữ cho người đặt trước.</translation>
    </message>
    <message>
      <source>Copy lost</source>
      <translation>Báo mất sách</translation>
    </message>
    <message>
      <source>Mark copy {barcode} lost? If it is on loan, the loan is closed and stays on the reader's record.</source>
      <translation>Ghi mất bản sách {barcode}? Nếu sách đang cho mượn, lượt mượn được đóng và vẫn ghi tên bạn đọc.</translation>
    </message>
  </context>
  <context>
    <name>DamagedLibrary</name>
    <message>
      <source>&amp;Restore the backup of {time}</source>
      <translation>&amp;Khôi phục bản sao lưu lúc {time}</translation>
    </message>
    <message>
      <source>Newest backup of this library: {file}</source>
      <translation>Bản sao lưu mới nhất của thư viện này: {file}</translation>
    </message>
    <message>
      <source>No backup was found in {folder}.</source>
      <translation>Không tìm thấy bản sao lưu nào trong {folder}.</translation>
    </message>
    <message>
      <source>No backup of this library was found in {folder}.</source>
      <translation>Không tìm thấy bản sao lưu nào của thư viện này trong {folder}.</translation>
    </message>
    <message>
      <source>This library's identity cannot be read, so none of the backups in {folder} can be told to be its own. Choose a backup file yourself, and check that it is this library's.</source>
      <translation>Không đọc được mã định danh của thư viện này nên không biết bản sao lưu nào trong {folder} là của nó. Hãy tự chọn tệp sao lưu và kiểm tra đó đúng là của thư viện này.</translation>
    </message>
    <message>
      <source>{count} backup(s) of other libraries in this folder are not offered.</source>
      <translation>{count} bản sao lưu của thư viện khác trong thư mục này không được đưa ra.</translation>
    </message>
    <message>
      <source>&amp;Choose a backup file…</source>
      <translation>&amp;Chọn tệp sao lưu…</translation>
    </message>
    <message>
      <source>&amp;Quit</source>
      <translation>&amp;Thoát</translation>
    </message>
    <message>
      <source>Backup file</source>
      <translation>Tệp sao lưu</translation>
    </message>
    <message>
      <source>ThuVien backups (*.sqlite3)</source>
      <translation>Bản sao lưu ThuVien (*.sqlite3)</translation>
    </message>
    <message>
      <source>The library was restored from {backup}. The damaged file was kept as {kept}.</source>
      <translation>Đã khôi phục thư viện từ {backup}. Tệp bị hỏng được giữ lại là {kept}.</translation>
    </message>
    <message>
      <source>{file} is a backup of another library, not of this one. Restoring it would put that library's books and readers in place of this library's. Restore it anyway?</source>
      <translation>{file} là bản sao lưu của một thư viện khác, không phải của thư viện này. Khôi phục nó sẽ thay sách và bạn đọc của thư viện này bằng của thư viện kia. Vẫn khôi phục?</translation>
    </message>
  </context>
  <context>
    <name>DeskDebts</name>
    <message>
      <source>{date} · “{title}” ({barcode}) — lost, to replace: {amount}</source>
      <translation>{date} · “{title}” ({barcode}) — mất sách, phải đền: {amount}</translation>
    </message>
    <message>
      <source>{date} · “{title}” ({barcode}) — {days} days late: {amount}</source>
      <translation>{date} · “{title}” ({barcode}) — quá hạn {days} ngày: {amount}</translation>
    </message>
    <message>
      <source>paid {paid}, still owed {owed}</source>
      <translation>đã nộp {paid}, còn nợ {owed}</translation>
    </message>
  </context>
  <context>
    <name>DeskView</name>
    <message>
      <source>Scan a library card or a book…</source>
      <extracomment>How long the desk waits for the second F9 that confirms a lost book. Below this width (a 1024 px screen, beside the navigation) the session list goes under the patron, across the desk: beside it, it was 120 px wide and each answer took 5-9 lines.</extracomment>
      <translation>Quét thẻ bạn đọc hoặc mã sách…</translation>
    </message>
    <message>
      <source>F2 Automatic</source>
      <translation>F2 Tự động</translation>
    </message>
    <message>
      <source>F3 Check out</source>
      <translation>F3 Cho mượn</translation>
    </message>
    <message>
      <source>F4 Check in</source>
      <translation>F4 Nhận trả</translation>
    </message>
    <message>
      <source>F11 Read here</source>
      <translation>F11 Đọc tại chỗ</translation>
    </message>
    <message>
      <source>Stop (back to the ordinary desk)</source>
      <translation>Thôi (trở về quầy bình thường)</translation>
    </message>
    <message>
      <source>Time</source>
      <translation>Giờ</translation>
    </message>
    <message>
      <source>Code</source>
      <translation>Mã</translation>
    </message>
    <message>
      <source>Result</source>
      <translation>Kết quả</translation>
    </message>
    <message>
      <source>This session</source>
      <translation>Phiên làm việc này</translation>
    </message>
    <message>
      <source>F2 automatic · F3 check out · F4 check in · F11 read here · F5 renew · F6 print loan slip · F7 camera · F9 book lost · F10 renew card · F12 visitor without a card · ↑↓ choose a loan · Esc clear patron</source>
      <translation>F2 tự động · F3 cho mượn · F4 nhận trả · F11 đọc tại chỗ · F5 gia hạn · F6 in phiếu mượn · F7 camera · F9 báo mất sách · F10 gia hạn thẻ · F12 khách không có thẻ · ↑↓ chọn sách đang mượn · Esc bỏ chọn bạn đọc</translation>
    </message>
    <message>
      <source>F8 Overdue letters…</source>
      <translation>F8 Thư báo quá hạn…</translation>
    </message>
    <message>
      <source>Ctrl+T Take payment…</source>
      <translation>Ctrl+T Thu tiền…</translation>
    </message>
    <message>
      <source>Ready. Scan a library card, then the books.</source>
      <translation>Sẵn sàng. Quét thẻ bạn đọc, rồi quét sách.</translation>
    </message>
    <message>
      <source>{name} is still the current patron from the last session: books scanned now are lent to them. Esc clears the patron.</source>
      <translation>Bạn đọc {name} của phiên trước vẫn đang được chọn: sách quét bây giờ sẽ cho bạn đọc này mượn. Nhấn Esc để bỏ chọn.</translation>
    </message>
    <message>
      <source>Unexpected error: {error}</source>
      <translation>Lỗi không mong đợi: {error}</translation>
    </message>
    <message>
      <source>Nothing to renew: select a loan or scan the book first.</source>
      <translation>Chưa có gì để gia hạn: hãy chọn một lượt mượn hoặc quét sách trước.</translation>
    </message>
    <message>
      <source>Nothing to mark lost: select a loan or scan the book first.</source>
      <translation>Chưa có sách để ghi mất: hãy chọn một lượt mượn hoặc quét sách trước.</translation>
    </message>
    <message>
      <source>Mark {barcode} lost? Press F9 again to confirm; scan or Esc to cancel.</source>
      <translation>Ghi mất {barcode}? Nhấn F9 lần nữa để xác nhận; quét mã khác hoặc Esc để thôi.</translation>
    </message>
    <message>
      <source>Scan a library card first: F10 renews the card of the current patron.</source>
      <translation>Hãy quét thẻ bạn đọc trước: F10 gia hạn thẻ của bạn đọc đang chọn.</translation>
    </message>
    <message>
      <source>Renewed the card {card} of {name} until {date}.</source>
      <translation>Đã gia hạn thẻ {card} của {name} đến {date}.</translation>
    </message>
    <message>
      <source>Renew the card of {name} until {date}? Press F10 again to confirm; scan or Esc to cancel.</source>
      <translation>Gia hạn thẻ của {name} đến {date}? Nhấn F10 lần nữa để xác nhận; quét mã hoặc Esc để thôi.</translation>
    </message>
    <message>
      <source>Scan a library card first: Ctrl+T takes the current patron's payment.</source>
      <translation>Hãy quét thẻ bạn đọc trước: Ctrl+T thu tiền của bạn đọc đang chọn.</translation>
    </message>
    <message>
      <source>{name} owes nothing.</source>
      <translation>{name} không còn nợ gì.</translation>
    </message>
    <message>
      <source>Received {amount} from {name}.</source>
      <translation>Đã thu {amount} của {name}.</translation>
    </message>
    <message>
      <source>Still owed: {amount}.</source>
      <translation>Còn nợ {amount}.</translation>
    </message>
    <message>
      <source>Nothing more is owed.</source>
      <translation>Không còn nợ gì.</translation>
    </message>
    <message>
      <source>Payment</source>
      <translation>Thu tiền</translation>
    </message>
    <message>
      <source>{name}: received {amount}</source>
      <translation>{name}: đã thu {amount}</translation>
    </message>
    <message>
      <source>Receipt</source>
      <translation>Phiếu thu</translation>
    </message>
    <message>
      <source>Scan a student's card, then each textbook handed to them.</source>
      <translation>Quét thẻ học sinh, rồi quét từng cuốn sách giáo khoa phát cho em đó.</translation>
    </message>
    <message>
      <source>Back to the ordinary desk.</source>
      <translation>Đã trở về quầy bình thường.</translation>
    </message>
    <message>
      <source>Handing out textbooks to class {name} (due {due}): every copy scanned goes to the student whose card was scanned last; books outside the set are refused.</source>
      <translation>Đang phát sách giáo khoa cho lớp {name} (hạn trả {due}): mỗi cuốn quét được ghi cho học sinh vừa quét thẻ; sách ngoài bộ sẽ bị từ chối.</translation>
    </message>
    <message>
      <source>{barcode} is not marked lost.</source>
      <translation>Không ghi mất {barcode}.</translation>
    </message>
    <message>
      <source>The card is not renewed.</source>
      <translation>Không gia hạn thẻ.</translation>
    </message>
    <message>
      <source>Scan a library card first: the slip is for one patron.</source>
      <translation>Hãy quét thẻ bạn đọc trước: phiếu mượn in cho từng bạn đọc.</translation>
    </message>
    <message>
      <source>{name}: {count} book(s) on loan</source>
      <translation>{name}: đang mượn {count} cuốn</translation>
    </message>
    <message>
      <source>Loan slip</source>
      <translation>Phiếu mượn</translation>
    </message>
    <message>
      <source>Nothing is overdue: there are no letters to print.</source>
      <translation>Không có sách quá hạn: không có thư báo nào để in.</translation>
    </message>
    <message>
      <source>{classes} class(es), {patrons} patron(s) with overdue books</source>
      <translation>{classes} lớp, {patrons} bạn đọc có sách quá hạn</translation>
    </message>
    <message>
      <source>Overdue letters</source>
      <translation>Thư báo quá hạn</translation>
    </message>
    <message>
      <source>Scan a card or a book…</source>
      <translation>Quét thẻ hoặc sách…</translation>
    </message>
    <message>
      <source>Stopped: this computer's date is in question — see the red strip above.</source>
      <translation>Đã dừng: ngày trên máy tính có vấn đề — xem dải đỏ ở trên.</translation>
    </message>
  </context>
  <context>
    <name>DistrictPicker</name>
    <message>
      <source>District union catalog</source>
      <translation>Mục lục liên hợp của huyện</translation>
    </message>
    <message>
      <source>Searches this computer's copy of the district catalog ({count} records), so it works without the network.</source>
      <translation>Tìm trong bản sao mục lục huyện trên máy này ({count} biểu ghi), không cần mạng.</translation>
    </message>
    <message>
      <source>This computer has no copy of the district catalog yet: enroll and sync first (Settings → District sync).</source>
      <translation>Máy này chưa có bản sao mục lục huyện: hãy ghi danh và đồng bộ trước (Cài đặt → Đồng bộ huyện).</translation>
    </message>
    <message>
      <source>Title, author, ISBN, subject, publisher, series or year:2020…</source>
      <translation>Nhan đề, tác giả, ISBN, chủ đề, nhà xuất bản, tùng thư hoặc năm:2020…</translation>
    </message>
    <message>
      <source>Title</source>
      <translation>Nhan đề</translation>
    </message>
    <message>
      <source>Author</source>
      <translation>Tác giả</translation>
    </message>
    <message>
      <source>Year</source>
      <translation>Năm</translation>
    </message>
    <message>
      <source>ISBN</source>
      <translation>ISBN</translation>
    </message>
    <message>
      <source>Held by</source>
      <translation>Thư viện có</translation>
    </message>
    <message>
      <source>Use this record</source>
      <translation>Dùng biểu ghi này</translation>
    </message>
    <message>
      <source>Searching…</source>
      <translation>Đang tìm…</translation>
    </message>
    <message>
      <source>{count} found</source>
      <translation>Tìm thấy {count}</translation>
    </message>
  </context>
  <context>
    <name>DocumentPreviewDialog</name>
    <message>
      <source>Fit width</source>
      <translation>Vừa chiều rộng</translation>
    </message>
    <message>
      <source>Actual size</source>
      <translation>Đúng kích thước thật</translation>
    </message>
    <message>
      <source>{count} page(s)</source>
      <translation>{count} trang</translation>
    </message>
    <message>
      <source>The printer {name} could not be opened: check that it is switched on and connected.</source>
      <translation>Không mở được máy in {name}: hãy kiểm tra máy in đã bật và đã kết nối.</translation>
    </message>
    <message>
      <source>Sent {count} page(s) to {printer}</source>
      <translation>Đã gửi {count} trang tới {printer}</translation>
    </message>
    <message>
      <source>&amp;Zoom</source>
      <translation>Thu &amp;phóng</translation>
    </message>
    <message>
      <source>&amp;Close</source>
      <translation>Đó&amp;ng</translation>
    </message>
    <message>
      <source>&amp;Print…</source>
      <translation>&amp;In…</translation>
    </message>
    <message>
      <source>&amp;Save PDF…</source>
      <translation>&amp;Lưu PDF…</translation>
    </message>
    <message>
      <source>Save PDF</source>
      <translation>Lưu PDF</translation>
    </message>
    <message>
      <source>PDF files (*.pdf)</source>
      <translation>Tệp PDF (*.pdf)</translation>
    </message>
    <message>
      <source>Saving the PDF</source>
      <translation>Đang lưu PDF</translation>
    </message>
    <message>
      <source>Saved {file}</source>
      <translation>Đã lưu {file}</translation>
    </message>
    <message>
      <source>Printing</source>
      <translation>Đang in</translation>
    </message>
    <message>
      <source>Printing cancelled: nothing was sent to {printer}</source>
      <translation>Đã huỷ in: không gửi gì tới {printer}</translation>
    </message>
  </context>
  <context>
    <name>EditCopyDialog</name>
    <message>
      <source>Copy {barcode}</source>
      <translation>Bản sách {barcode}</translation>
    </message>
    <message>
      <source>empty: the record's classification</source>
      <translation>để trống: theo ký hiệu phân loại của biểu ghi</translation>
    </message>
    <message>
      <source>Item type</source>
      <translation>Loại tài liệu</translation>
    </message>
    <message>
      <source>Call number</source>
      <translation>Ký hiệu xếp giá</translation>
    </message>
  </context>
  <context>
    <name>FilePage</name>
    <message>
      <source>1. Choose the class list</source>
      <translation>1. Chọn danh sách lớp</translation>
    </message>
    <message>
      <source>A CSV or Excel (.xlsx) file with one student per row.</source>
      <translation>Tệp CSV hoặc Excel (.xlsx), mỗi dòng một học sinh.</translation>
    </message>
    <message>
      <source>e.g. 6A (when the file has no class column)</source>
      <translation>ví dụ 6A (khi tệp không có cột lớp)</translation>
    </message>
    <message>
      <source>Bro&amp;wse…</source>
      <translation>&amp;Chọn tệp…</translation>
    </message>
    <message>
      <source>F&amp;ile</source>
      <translation>Tệ&amp;p</translation>
    </message>
    <message>
      <source>C&amp;lass</source>
      <translation>&amp;Lớp</translation>
    </message>
    <message>
      <source>School &amp;year</source>
      <translation>&amp;Năm học</translation>
    </message>
    <message>
      <source>Class list</source>
      <translation>Danh sách lớp</translation>
    </message>
    <message>
      <source>Class lists (*.csv *.xlsx *.txt)</source>
      <translation>Danh sách lớp (*.csv *.xlsx *.txt)</translation>
    </message>
    <message>
      <source>The file does not exist.</source>
      <translation>Tệp không tồn tại.</translation>
    </message>
  </context>
  <context>
    <name>FinesPanel</name>
    <message>
      <source>Date</source>
      <translation>Ngày</translation>
    </message>
    <message>
      <source>Acc. no.</source>
      <translation>Số ĐKCB</translation>
    </message>
    <message>
      <source>Title</source>
      <translation>Nhan đề</translation>
    </message>
    <message>
      <source>For</source>
      <translation>Lý do</translation>
    </message>
    <message>
      <source>Amount</source>
      <translation>Số tiền</translation>
    </message>
    <message>
      <source>Status</source>
      <translation>Trạng thái</translation>
    </message>
    <message>
      <source>&amp;Mark paid</source>
      <translation>Đã &amp;nộp tiền</translation>
    </message>
    <message>
      <source>&amp;Waive…</source>
      <translation>&amp;Miễn phạt…</translation>
    </message>
    <message>
      <source>lost book</source>
      <translation>mất sách</translation>
    </message>
    <message>
      <source>{days} days late</source>
      <translation>quá hạn {days} ngày</translation>
    </message>
    <message>
      <source>paid {date}</source>
      <translation>đã nộp {date}</translation>
    </message>
    <message>
      <source>waived {date} after {paid} was paid: {reason}</source>
      <translation>đã miễn {date} sau khi đã nộp {paid}: {reason}</translation>
    </message>
    <message>
      <source>waived {date}: {reason}</source>
      <translation>đã miễn {date}: {reason}</translation>
    </message>
    <message>
      <source>paid {paid}, still owed {owed}</source>
      <translation>đã nộp {paid}, còn nợ {owed}</translation>
    </message>
    <message>
      <source>not paid</source>
      <translation>chưa nộp</translation>
    </message>
    <message>
      <source>Fines — not paid: {amount}</source>
      <translation>Tiền phạt — chưa nộp: {amount}</translation>
    </message>
    <message>
      <source>Record that {name} paid {amount} for “{title}” ({barcode})?</source>
      <translation>Ghi nhận {name} đã nộp {amount} cho “{title}” ({barcode})?</translation>
    </message>
    <message>
      <source>Fine paid</source>
      <translation>Nộp tiền phạt</translation>
    </message>
    <message>
      <source>Fine of {amount}: {status}.</source>
      <translation>Khoản phạt {amount}: {status}.</translation>
    </message>
  </context>
  <context>
    <name>FormDialog</name>
    <message>
      <source>Discard changes?</source>
      <translation>Bỏ những gì đã nhập?</translation>
    </message>
    <message>
      <source>What you typed in this form is not saved yet. Close the form and lose it?</source>
      <translation>Những gì bạn vừa nhập trong biểu mẫu này chưa được lưu. Đóng biểu mẫu và bỏ chúng đi?</translation>
    </message>
  </context>
  <context>
    <name>HoldDialog</name>
    <message>
      <source>Holds — {title}</source>
      <translation>Đặt trước — {title}</translation>
    </message>
    <message>
      <source>Scan or type the reader's card, then Enter</source>
      <translation>Quét hoặc gõ mã thẻ bạn đọc rồi nhấn Enter</translation>
    </message>
    <message>
      <source>No.</source>
      <translation>STT</translation>
    </message>
    <message>
      <source>Reader</source>
      <translation>Bạn đọc</translation>
    </message>
    <message>
      <source>Class</source>
      <translation>Lớp</translation>
    </message>
    <message>
      <source>Status</source>
      <translation>Trạng thái</translation>
    </message>
    <message>
      <source>Nobody is waiting for this book.</source>
      <translation>Chưa có ai đặt trước cuốn sách này.</translation>
    </message>
    <message>
      <source>&amp;Cancel the selected hold</source>
      <translation>&amp;Huỷ lượt đặt trước đang chọn</translation>
    </message>
    <message>
      <source>&amp;Close</source>
      <translation>Đó&amp;ng</translation>
    </message>
    <message>
      <source>Reader's card</source>
      <translation>Thẻ bạn đọc</translation>
    </message>
    <message>
      <source>copy kept until {day}</source>
      <translation>đang giữ sách đến {day}</translation>
    </message>
    <message>
      <source>waiting</source>
      <translation>đang chờ</translation>
    </message>
  </context>
  <context>
    <name>ImportReportDialog</name>
    <message>
      <source>MARC import</source>
      <translation>Nhập MARC</translation>
    </message>
    <message>
      <source>Imported {imported} record(s), merged {merged}, added {items} copies; {skipped} skipped.</source>
      <translation>Đã nhập {imported} biểu ghi, gộp {merged}, thêm {items} bản sách; bỏ qua {skipped}.</translation>
    </message>
    <message>
      <source>Stopped by you.</source>
      <translation>Đã dừng theo yêu cầu.</translation>
    </message>
    <message>
      <source>{count} holdings of other libraries (a union catalog's 852 fields, without accession numbers) were not made copies of this library.</source>
      <translation>{count} dòng sách của thư viện khác (trường 852 của mục lục liên hợp, không có số ĐKCB) không được nhập thành bản sách của thư viện này.</translation>
    </message>
    <message>
      <source>{count} copies not added: their accession number is already on another book.</source>
      <translation>{count} bản sách không được nhập: số ĐKCB của chúng đã thuộc một cuốn sách khác.</translation>
    </message>
    <message>
      <source>Record {number} (byte {offset}): {reason}</source>
      <translation>Biểu ghi {number} (byte {offset}): {reason}</translation>
    </message>
    <message>
      <source>Copies left out:</source>
      <translation>Các bản sách không được nhập:</translation>
    </message>
    <message>
      <source>Copy of record {number} (byte {offset}): {reason}</source>
      <translation>Bản sách của biểu ghi {number} (byte {offset}): {reason}</translation>
    </message>
    <message>
      <source>Records left out:</source>
      <translation>Các biểu ghi bị bỏ qua:</translation>
    </message>
  </context>
  <context>
    <name>ImportWizard</name>
    <message>
      <source>Import a class list</source>
      <translation>Nhập danh sách lớp</translation>
    </message>
    <message>
      <source>Checking the class list</source>
      <translation>Đang kiểm tra danh sách lớp</translation>
    </message>
    <message>
      <source>Importing the class list</source>
      <translation>Đang nhập danh sách lớp</translation>
    </message>
    <message>
      <source>Full name</source>
      <translation>Họ và tên</translation>
    </message>
    <message>
      <source>Family and middle name</source>
      <translation>Họ và đệm</translation>
    </message>
    <message>
      <source>Given name</source>
      <translation>Tên</translation>
    </message>
    <message>
      <source>Class</source>
      <translation>Lớp</translation>
    </message>
    <message>
      <source>Date of birth</source>
      <translation>Ngày sinh</translation>
    </message>
    <message>
      <source>Day of birth</source>
      <translation>Ngày sinh (ngày)</translation>
    </message>
    <message>
      <source>Month of birth</source>
      <translation>Tháng sinh</translation>
    </message>
    <message>
      <source>Year of birth</source>
      <translation>Năm sinh</translation>
    </message>
    <message>
      <source>Student code</source>
      <translation>Mã học sinh</translation>
    </message>
    <message>
      <source>Gender</source>
      <translation>Giới tính</translation>
    </message>
    <message>
      <source>Girls marked (x)</source>
      <translation>Nữ (đánh dấu x)</translation>
    </message>
    <message>
      <source>Phone</source>
      <translation>Điện thoại</translation>
    </message>
    <message>
      <source>Email</source>
      <translation>Email</translation>
    </message>
    <message>
      <source>Address</source>
      <translation>Địa chỉ</translation>
    </message>
    <message>
      <source>Note</source>
      <translation>Ghi chú</translation>
    </message>
    <message>
      <source>Card</source>
      <translation>Mã thẻ</translation>
    </message>
    <message>
      <source>School year</source>
      <translation>Năm học</translation>
    </message>
    <message>
      <source>Category</source>
      <translation>Loại bạn đọc</translation>
    </message>
    <message>
      <source>(ignore)</source>
      <translation>(bỏ qua)</translation>
    </message>
    <message>
      <source>(not used)</source>
      <translation>(không dùng)</translation>
    </message>
  </context>
  <context>
    <name>LabelsDialog</name>
    <message>
      <source>Patron cards</source>
      <translation>Thẻ bạn đọc</translation>
    </message>
    <message>
      <source>Print labels</source>
      <translation>In nhãn</translation>
    </message>
    <message>
      <source>Desk sheet (names and barcodes)</source>
      <translation>Bảng tra tại quầy (tên và mã vạch)</translation>
    </message>
    <message>
      <source>Barcode labels</source>
      <translation>Nhãn mã vạch</translation>
    </message>
    <message>
      <source>Spine labels</source>
      <translation>Nhãn gáy</translation>
    </message>
    <message>
      <source>Barcode and spine together</source>
      <translation>Nhãn mã vạch kèm nhãn gáy</translation>
    </message>
    <message>
      <source>Draw label outlines (test print on plain paper)</source>
      <translation>Vẽ viền nhãn (in thử trên giấy thường)</translation>
    </message>
    <message>
      <source>Class {name}</source>
      <translation>Lớp {name}</translation>
    </message>
    <message>
      <source>Only {name}</source>
      <translation>Chỉ {name}</translation>
    </message>
    <message>
      <source>What</source>
      <translation>In gì</translation>
    </message>
    <message>
      <source>Sheet</source>
      <translation>Loại giấy nhãn</translation>
    </message>
    <message>
      <source>Start at label</source>
      <translation>Bắt đầu từ nhãn số</translation>
    </message>
    <message>
      <source>Printer offset across</source>
      <translation>Lệch máy in theo chiều ngang</translation>
    </message>
    <message>
      <source>Printer offset down</source>
      <translation>Lệch máy in theo chiều dọc</translation>
    </message>
    <message>
      <source>Calibration page (plain paper)</source>
      <translation>Trang căn chỉnh (giấy thường)</translation>
    </message>
    <message>
      <source>On a partly used sheet: the first free label, counted left to right, top to bottom</source>
      <translation>Với tờ nhãn đã dùng dở: số thứ tự nhãn trống đầu tiên, đếm từ trái sang phải, từ trên xuống dưới</translation>
    </message>
    <message>
      <source>(no printer installed: save a PDF)</source>
      <translation>(chưa cài máy in: hãy lưu PDF)</translation>
    </message>
    <message>
      <source>Positive moves the print right</source>
      <translation>Số dương dịch bản in sang phải</translation>
    </message>
    <message>
      <source>Positive moves the print down</source>
      <translation>Số dương dịch bản in xuống dưới</translation>
    </message>
    <message>
      <source>Printer</source>
      <translation>Máy in</translation>
    </message>
    <message>
      <source>&amp;Preview…</source>
      <translation>&amp;Xem trước…</translation>
    </message>
    <message>
      <source>Pr&amp;int</source>
      <translation>&amp;In</translation>
    </message>
    <message>
      <source>Save &amp;job file…</source>
      <translation>Lưu tệp &amp;lệnh in…</translation>
    </message>
    <message>
      <source>{per} labels a sheet ({columns} across, {rows} down), each {width} × {height} mm</source>
      <translation>{per} nhãn một tờ ({columns} cột, {rows} hàng), mỗi nhãn {width} × {height} mm</translation>
    </message>
    <message>
      <source>Laying out the labels</source>
      <translation>Đang dàn trang nhãn</translation>
    </message>
    <message>
      <source>Sheets of labels (A4 printer)</source>
      <translation>Tờ nhãn (máy in A4)</translation>
    </message>
    <message>
      <source>Thermal label printer (roll)</source>
      <translation>Máy in nhãn nhiệt (cuộn)</translation>
    </message>
    <message>
      <source>Cards for</source>
      <translation>In thẻ cho</translation>
    </message>
    <message>
      <source>Print on</source>
      <translation>In trên</translation>
    </message>
    <message>
      <source>Sending to the printer</source>
      <translation>Đang gửi tới máy in</translation>
    </message>
    <message>
      <source>Sent {count} label(s) to {printer}.</source>
      <translation>Đã gửi {count} nhãn tới {printer}.</translation>
    </message>
    <message>
      <source>Save job file</source>
      <translation>Lưu tệp lệnh in</translation>
    </message>
    <message>
      <source>Printer jobs (*.{suffix})</source>
      <translation>Tệp lệnh in (*.{suffix})</translation>
    </message>
    <message>
      <source>Saving the job</source>
      <translation>Đang lưu lệnh in</translation>
    </message>
    <message>
      <source>Saved {count} label(s) to {file}.</source>
      <translation>Đã lưu {count} nhãn vào {file}.</translation>
    </message>
    <message>
      <source>(no printer installed: type its name, or save the job file)</source>
      <translation>(chưa cài máy in: gõ tên máy in, hoặc lưu tệp lệnh in)</translation>
    </message>
    <message>
      <source>{count} label(s) from label {start}</source>
      <translation>{count} nhãn, bắt đầu từ nhãn số {start}</translation>
    </message>
    <message>
      <source> (the grey ones are already used)</source>
      <translation> (các nhãn tô xám là nhãn đã dùng)</translation>
    </message>
  </context>
  <context>
    <name>LibraryStatusBar</name>
    <message>
      <source>Database: {path}</source>
      <translation>CSDL: {path}</translation>
    </message>
    <message>
      <source>Records up to {date}, after this computer's date</source>
      <translation>Thư viện đã ghi đến {date}, sau ngày trên máy</translation>
    </message>
    <message>
      <source>Wrong date on this computer: {date}</source>
      <translation>Ngày giờ trên máy tính sai: {date}</translation>
    </message>
    <message>
      <source>Changes not yet sent: {count}</source>
      <translation>Thay đổi chưa gửi: {count}</translation>
    </message>
    <message>
      <source>Automatic backup failed: {reason}</source>
      <translation>Sao lưu tự động không được: {reason}</translation>
    </message>
    <message>
      <source>Sync: offline, will try again</source>
      <translation>Đồng bộ: chưa có mạng, sẽ thử lại</translation>
    </message>
    <message>
      <source>Sync: offline for {days} days (last success {time})</source>
      <translation>Đồng bộ: {days} ngày chưa có mạng (lần cuối được: {time})</translation>
    </message>
    <message>
      <source>Sync: offline (last success {time})</source>
      <translation>Đồng bộ: chưa có mạng (lần cuối được: {time})</translation>
    </message>
    <message>
      <source>Sync: failed, wrong date on this computer</source>
      <translation>Đồng bộ: lỗi, ngày trên máy tính sai</translation>
    </message>
    <message>
      <source>Sync: failed (last success {time})</source>
      <translation>Đồng bộ: lỗi (lần cuối được: {time})</translation>
    </message>
    <message>
      <source>Sync: failed</source>
      <translation>Đồng bộ: lỗi</translation>
    </message>
    <message>
      <source>Sync: last {time}</source>
      <translation>Đồng bộ lần cuối: {time}</translation>
    </message>
    <message>
      <source>Sync: not set up</source>
      <translation>Đồng bộ: chưa thiết lập</translation>
    </message>
    <message>
      <source>Automatic backup failed (Tools → Backups)</source>
      <translation>Sao lưu tự động: lỗi (Công cụ → Sao lưu)</translation>
    </message>
    <message>
      <source>Sync: never</source>
      <translation>Đồng bộ: chưa lần nào</translation>
    </message>
  </context>
  <context>
    <name>LoansPanel</name>
    <message>
      <source>Acc. no.</source>
      <translation>Số ĐKCB</translation>
    </message>
    <message>
      <source>Title</source>
      <translation>Nhan đề</translation>
    </message>
    <message>
      <source>Lent on</source>
      <translation>Ngày mượn</translation>
    </message>
    <message>
      <source>Due</source>
      <translation>Hạn trả</translation>
    </message>
    <message>
      <source>Re&amp;new</source>
      <translation>Gia &amp;hạn</translation>
    </message>
    <message>
      <source>On loan: {count}</source>
      <translation>Đang mượn: {count}</translation>
    </message>
    <message>
      <source>{count} overdue</source>
      <translation>{count} quá hạn</translation>
    </message>
    <message>
      <source>({days} days late)</source>
      <translation>(quá {days} ngày)</translation>
    </message>
    <message>
      <source>“{title}” is kept for them until {day}</source>
      <translation>“{title}” đang được giữ cho bạn đọc đến {day}</translation>
    </message>
    <message>
      <source>“{title}” (number {position} in the queue)</source>
      <translation>“{title}” (thứ {position} trong hàng chờ)</translation>
    </message>
    <message>
      <source>Waiting for: {titles}</source>
      <translation>Đang đặt trước: {titles}</translation>
    </message>
  </context>
  <context>
    <name>MainWindow</name>
    <message>
      <source>Desk</source>
      <translation>Quầy mượn trả</translation>
    </message>
    <message>
      <source>Catalog</source>
      <translation>Biên mục</translation>
    </message>
    <message>
      <source>Patrons</source>
      <translation>Bạn đọc</translation>
    </message>
    <message>
      <source>Settings</source>
      <translation>Cài đặt</translation>
    </message>
    <message>
      <source>Stocktake</source>
      <translation>Kiểm kê</translation>
    </message>
    <message>
      <source>Reports</source>
      <translation>Sổ sách, thống kê</translation>
    </message>
    <message>
      <source>&amp;File</source>
      <translation>&amp;Tệp</translation>
    </message>
    <message>
      <source>&amp;Quit</source>
      <translation>&amp;Thoát</translation>
    </message>
    <message>
      <source>&amp;Tools</source>
      <translation>&amp;Công cụ</translation>
    </message>
    <message>
      <source>Print &amp;labels…</source>
      <translation>In &amp;nhãn…</translation>
    </message>
    <message>
      <source>&amp;Sync with the district now</source>
      <translation>Đồng &amp;bộ với thư viện huyện ngay</translation>
    </message>
    <message>
      <source>Syncing with the district…</source>
      <translation>Đang đồng bộ với thư viện huyện…</translation>
    </message>
    <message>
      <source>Stopping the sync…</source>
      <translation>Đang dừng đồng bộ…</translation>
    </message>
    <message>
      <source>Unexpected error: {error}</source>
      <translation>Lỗi không mong đợi: {error}</translation>
    </message>
    <message>
      <source>ThuVien is already open on this library ({path}): use that window.</source>
      <translation>ThuVien đang mở thư viện này ({path}): hãy dùng cửa sổ đó.</translation>
    </message>
  </context>
  <context>
    <name>PatronDialog</name>
    <message>
      <source>Edit patron</source>
      <translation>Sửa bạn đọc</translation>
    </message>
    <message>
      <source>New patron</source>
      <translation>Bạn đọc mới</translation>
    </message>
    <message>
      <source>Student</source>
      <translation>Học sinh</translation>
    </message>
    <message>
      <source>Teacher</source>
      <translation>Giáo viên</translation>
    </message>
    <message>
      <source>Staff</source>
      <translation>Nhân viên</translation>
    </message>
    <message>
      <source>Community</source>
      <translation>Bạn đọc ngoài trường</translation>
    </message>
    <message>
      <source>dd/mm/yyyy</source>
      <translation>dd/mm/yyyy</translation>
    </message>
    <message>
      <source>Male</source>
      <translation>Nam</translation>
    </message>
    <message>
      <source>Female</source>
      <translation>Nữ</translation>
    </message>
    <message>
      <source>Empty: the next card number</source>
      <translation>Để trống: lấy số thẻ kế tiếp</translation>
    </message>
    <message>
      <source>dd/mm/yyyy — empty: no expiry</source>
      <translation>dd/mm/yyyy — để trống: thẻ không có hạn</translation>
    </message>
    <message>
      <source>Choose photo…</source>
      <translation>Chọn ảnh…</translation>
    </message>
    <message>
      <source>Remove photo</source>
      <translation>Bỏ ảnh</translation>
    </message>
    <message>
      <source>Full name *</source>
      <translation>Họ và tên *</translation>
    </message>
    <message>
      <source>Category</source>
      <translation>Loại bạn đọc</translation>
    </message>
    <message>
      <source>Class</source>
      <translation>Lớp</translation>
    </message>
    <message>
      <source>Student code</source>
      <translation>Mã học sinh</translation>
    </message>
    <message>
      <source>Date of birth</source>
      <translation>Ngày sinh</translation>
    </message>
    <message>
      <source>Gender</source>
      <translation>Giới tính</translation>
    </message>
    <message>
      <source>Card</source>
      <translation>Mã thẻ</translation>
    </message>
    <message>
      <source>Card valid until</source>
      <translation>Hạn thẻ</translation>
    </message>
    <message>
      <source>Status</source>
      <translation>Trạng thái</translation>
    </message>
    <message>
      <source>Phone</source>
      <translation>Điện thoại</translation>
    </message>
    <message>
      <source>Address</source>
      <translation>Địa chỉ</translation>
    </message>
    <message>
      <source>Note</source>
      <translation>Ghi chú</translation>
    </message>
    <message>
      <source>Photo</source>
      <translation>Ảnh</translation>
    </message>
    <message>
      <source>Choose photo</source>
      <translation>Chọn ảnh</translation>
    </message>
    <message>
      <source>Images (*.jpg *.jpeg *.png)</source>
      <translation>Ảnh (*.jpg *.jpeg *.png)</translation>
    </message>
    <message>
      <source>The photo is too large (at most 2 MB).</source>
      <translation>Ảnh quá lớn (tối đa 2 MB).</translation>
    </message>
    <message>
      <source>No photo</source>
      <translation>Chưa có ảnh</translation>
    </message>
  </context>
  <context>
    <name>PatronPanel</name>
    <message>
      <source>Acc. no.</source>
      <translation>Số ĐKCB</translation>
    </message>
    <message>
      <source>Title</source>
      <translation>Nhan đề</translation>
    </message>
    <message>
      <source>Loaned</source>
      <translation>Ngày mượn</translation>
    </message>
    <message>
      <source>Due</source>
      <translation>Hạn trả</translation>
    </message>
    <message>
      <source>Holds</source>
      <translation>Đặt giữ</translation>
    </message>
    <message>
      <source>No photo</source>
      <translation>Chưa có ảnh</translation>
    </message>
    <message>
      <source>No patron selected</source>
      <translation>Chưa chọn bạn đọc</translation>
    </message>
    <message>
      <source>Scan a library card to begin.</source>
      <translation>Quét thẻ bạn đọc để bắt đầu.</translation>
    </message>
    <message>
      <source>Loans</source>
      <translation>Đang mượn</translation>
    </message>
    <message>
      <source>Class {name}</source>
      <translation>Lớp {name}</translation>
    </message>
    <message>
      <source>Card {card}</source>
      <translation>Thẻ {card}</translation>
    </message>
    <message>
      <source>CARD EXPIRED (valid until {date}) — F10 renews it</source>
      <translation>THẺ HẾT HẠN (có giá trị đến {date}) — F10 để gia hạn</translation>
    </message>
    <message>
      <source>card valid until {date} ({days} days left)</source>
      <translation>thẻ có giá trị đến {date} (còn {days} ngày)</translation>
    </message>
    <message>
      <source>card valid until {date}</source>
      <translation>thẻ có giá trị đến {date}</translation>
    </message>
    <message>
      <source>CARD BLOCKED</source>
      <translation>THẺ BỊ KHOÁ</translation>
    </message>
    <message>
      <source>Loans: {count}</source>
      <translation>Đang mượn: {count}</translation>
    </message>
    <message>
      <source>{count} overdue</source>
      <translation>{count} quá hạn</translation>
    </message>
    <message>
      <source>({days} days late)</source>
      <translation>(quá {days} ngày)</translation>
    </message>
    <message>
      <source>READY: “{title}” — kept until {until}</source>
      <translation>ĐÃ CÓ SÁCH: “{title}” — giữ đến {until}</translation>
    </message>
    <message>
      <source>Waiting: “{title}” (position {position})</source>
      <translation>Đang chờ: “{title}” (thứ tự {position})</translation>
    </message>
    <message>
      <source>Fines and charges not paid: {amount}</source>
      <translation>Tiền phạt, đền sách chưa nộp: {amount}</translation>
    </message>
    <message>
      <source>(paid so far: {amount})</source>
      <translation>(đã nộp: {amount})</translation>
    </message>
  </context>
  <context>
    <name>PatronsView</name>
    <message>
      <source>Search by name, card or student code…</source>
      <extracomment>The class list's entries for cards past their expiry / expiring within the notice days.</extracomment>
      <translation>Tìm theo tên, mã thẻ hoặc mã học sinh…</translation>
    </message>
    <message>
      <source>New &amp;patron…</source>
      <translation>Thêm &amp;bạn đọc…</translation>
    </message>
    <message>
      <source>&amp;Edit…</source>
      <translation>&amp;Sửa…</translation>
    </message>
    <message>
      <source>&amp;Import class list…</source>
      <translation>Nhập &amp;danh sách lớp…</translation>
    </message>
    <message>
      <source>New school &amp;year…</source>
      <translation>&amp;Lên lớp năm học mới…</translation>
    </message>
    <message>
      <source>Print c&amp;ards…</source>
      <translation>&amp;In thẻ…</translation>
    </message>
    <message>
      <source>Re&amp;new cards…</source>
      <translation>Gi&amp;a hạn thẻ…</translation>
    </message>
    <message>
      <source>Renew (gia hạn) the card of the patron selected, or else of every patron listed, by the default card validity of their category (Settings)</source>
      <translation>Gia hạn thẻ của bạn đọc đang chọn, nếu không chọn ai thì của mọi bạn đọc trong danh sách, theo thời hạn thẻ mặc định của loại bạn đọc (Cài đặt)</translation>
    </message>
    <message>
      <source>Class te&amp;xtbooks…</source>
      <translation>S&amp;GK cho lớp…</translation>
    </message>
    <message>
      <source>Lend a set of textbooks to every student of the chosen class; see what each still has at the end of the year</source>
      <translation>Cho cả lớp đang chọn mượn một bộ sách giáo khoa; cuối năm xem từng học sinh còn giữ sách gì</translation>
    </message>
    <message>
      <source>Name</source>
      <translation>Họ và tên</translation>
    </message>
    <message>
      <source>Class</source>
      <translation>Lớp</translation>
    </message>
    <message>
      <source>Card</source>
      <translation>Mã thẻ</translation>
    </message>
    <message>
      <source>Student code</source>
      <translation>Mã học sinh</translation>
    </message>
    <message>
      <source>Date of birth</source>
      <translation>Ngày sinh</translation>
    </message>
    <message>
      <source>Status</source>
      <translation>Trạng thái</translation>
    </message>
    <message>
      <source>Card valid until</source>
      <translation>Hạn thẻ</translation>
    </message>
    <message>
      <source>New patron (Ctrl+N)</source>
      <translation>Thêm bạn đọc (Ctrl+N)</translation>
    </message>
    <message>
      <source>All patrons</source>
      <translation>Tất cả bạn đọc</translation>
    </message>
    <message>
      <source>Cards expired ({count})</source>
      <translation>Thẻ đã hết hạn ({count})</translation>
    </message>
    <message>
      <source>Cards expiring soon ({count})</source>
      <translation>Thẻ sắp hết hạn ({count})</translation>
    </message>
    <message>
      <source>{name} ({count})</source>
      <translation>{name} ({count})</translation>
    </message>
    <message>
      <source>Graduated or left ({count})</source>
      <translation>Ra trường, chuyển đi ({count})</translation>
    </message>
    <message>
      <source>Students who graduated or left, by their last class</source>
      <translation>Học sinh đã ra trường hoặc chuyển đi, theo lớp cuối cùng</translation>
    </message>
    <message>
      <source>Searching patrons</source>
      <translation>Đang tìm bạn đọc</translation>
    </message>
    <message>
      <source>No patrons found for “{text}”. Try part of the name, the card or the student code.</source>
      <translation>Không tìm thấy bạn đọc nào với “{text}”. Thử gõ một phần họ tên, mã thẻ hoặc mã học sinh.</translation>
    </message>
    <message>
      <source>Renew cards</source>
      <translation>Gia hạn thẻ</translation>
    </message>
    <message>
      <source>Renew the card {card} of {name} until {date}?</source>
      <translation>Gia hạn thẻ {card} của {name} đến {date}?</translation>
    </message>
    <message>
      <source>Renew the cards of the {count} patrons listed, each by the default validity of their category (until {date})?</source>
      <translation>Gia hạn thẻ của {count} bạn đọc trong danh sách, mỗi người theo thời hạn thẻ mặc định của loại bạn đọc (đến {date})?</translation>
    </message>
  </context>
  <context>
    <name>PaymentDialog</name>
    <message>
      <source>Take a payment</source>
      <translation>Thu tiền phạt, đền sách</translation>
    </message>
    <message>
      <source>{name} owes {amount}.</source>
      <translation>{name} còn nợ {amount}.</translation>
    </message>
    <message>
      <source>Type the sum the reader brings (e.g. 10.000); the rest stays owed. The oldest debts are paid first.</source>
      <translation>Gõ số tiền bạn đọc nộp (ví dụ 10.000); phần còn lại vẫn ghi nợ. Khoản nợ cũ nhất được trừ trước.</translation>
    </message>
    <message>
      <source>&amp;Print a receipt</source>
      <translation>&amp;In phiếu thu</translation>
    </message>
    <message>
      <source>Enter records the payment · Esc closes without recording</source>
      <translation>Enter: ghi nhận tiền nộp · Esc: đóng, không ghi</translation>
    </message>
    <message>
      <source>Record payment</source>
      <translation>Ghi nhận tiền nộp</translation>
    </message>
    <message>
      <source>Amount paid now (đ)</source>
      <translation>Số tiền nộp lần này (đ)</translation>
    </message>
    <message>
      <source>Type the amount paid.</source>
      <translation>Hãy nhập số tiền.</translation>
    </message>
    <message>
      <source>“{text}” is not an amount of đồng (e.g. 10.000).</source>
      <translation>“{text}” không phải số tiền (ví dụ 10.000).</translation>
    </message>
  </context>
  <context>
    <name>PreviewPage</name>
    <message>
      <source>3. Preview</source>
      <translation>3. Xem trước</translation>
    </message>
    <message>
      <source>Line</source>
      <translation>Dòng</translation>
    </message>
    <message>
      <source>Result</source>
      <translation>Kết quả</translation>
    </message>
    <message>
      <source>Name</source>
      <translation>Họ và tên</translation>
    </message>
    <message>
      <source>Class</source>
      <translation>Lớp</translation>
    </message>
    <message>
      <source>Date of birth</source>
      <translation>Ngày sinh</translation>
    </message>
    <message>
      <source>Gender</source>
      <translation>Giới tính</translation>
    </message>
    <message>
      <source>Notes</source>
      <translation>Ghi chú</translation>
    </message>
    <message>
      <source>new</source>
      <translation>mới</translation>
    </message>
    <message>
      <source>update</source>
      <translation>cập nhật</translation>
    </message>
    <message>
      <source>unchanged</source>
      <translation>không đổi</translation>
    </message>
    <message>
      <source>error</source>
      <translation>lỗi</translation>
    </message>
    <message>
      <source>{new} new, {update} updated, {unchanged} unchanged, {error} with errors (rows with errors will be left out).</source>
      <translation>{new} mới, {update} cập nhật, {unchanged} không đổi, {error} có lỗi (các dòng lỗi sẽ không được nhập).</translation>
    </message>
    <message>
      <source>Male</source>
      <translation>Nam</translation>
    </message>
    <message>
      <source>Female</source>
      <translation>Nữ</translation>
    </message>
  </context>
  <context>
    <name>ProgressDialog</name>
    <message>
      <source>Cancel</source>
      <translation>Huỷ</translation>
    </message>
    <message>
      <source>{title}: {done} of {total} MB read</source>
      <translation>{title}: đã đọc {done}/{total} MB</translation>
    </message>
    <message>
      <source>{title}: {done} of {total}</source>
      <translation>{title}: {done}/{total}</translation>
    </message>
    <message>
      <source>{title}: {done}</source>
      <translation>{title}: {done}</translation>
    </message>
    <message>
      <source>Stopping…</source>
      <translation>Đang dừng…</translation>
    </message>
  </context>
  <context>
    <name>RecordDetail</name>
    <message>
      <source>Acc. no.</source>
      <translation>Số ĐKCB</translation>
    </message>
    <message>
      <source>Collection</source>
      <translation>Kho</translation>
    </message>
    <message>
      <source>Type</source>
      <translation>Loại</translation>
    </message>
    <message>
      <source>Call number</source>
      <translation>Ký hiệu xếp giá</translation>
    </message>
    <message>
      <source>Status</source>
      <translation>Trạng thái</translation>
    </message>
    <message>
      <source>Record</source>
      <translation>Biểu ghi</translation>
    </message>
    <message>
      <source>MARC</source>
      <translation>MARC</translation>
    </message>
    <message>
      <source>Copies</source>
      <translation>Bản sách</translation>
    </message>
    <message>
      <source>on the shelf</source>
      <translation>trên giá</translation>
    </message>
    <message>
      <source>on loan</source>
      <translation>đang cho mượn</translation>
    </message>
    <message>
      <source>kept for a hold</source>
      <translation>đang giữ cho người đặt trước</translation>
    </message>
    <message>
      <source>lost</source>
      <translation>mất</translation>
    </message>
    <message>
      <source>damaged</source>
      <translation>hỏng</translation>
    </message>
    <message>
      <source>withdrawn</source>
      <translation>đã thanh lý</translation>
    </message>
    <message>
      <source>Date received not known</source>
      <translation>Không rõ ngày nhập</translation>
    </message>
    <message>
      <source>Source</source>
      <translation>Nguồn</translation>
    </message>
    <message>
      <source>Price</source>
      <translation>Giá tiền</translation>
    </message>
    <message>
      <source>Location</source>
      <translation>Vị trí</translation>
    </message>
    <message>
      <source>Note</source>
      <translation>Ghi chú</translation>
    </message>
    <message>
      <source>Search above, then choose a record to see it here.</source>
      <translation>Tìm ở ô phía trên, rồi chọn một biểu ghi để xem tại đây.</translation>
    </message>
    <message>
      <source>Author(s)</source>
      <translation>Tác giả</translation>
    </message>
    <message>
      <source>Publisher</source>
      <translation>Nhà xuất bản</translation>
    </message>
    <message>
      <source>Year</source>
      <translation>Năm</translation>
    </message>
    <message>
      <source>Edition</source>
      <translation>Lần xuất bản</translation>
    </message>
    <message>
      <source>ISBN</source>
      <translation>ISBN</translation>
    </message>
    <message>
      <source>Classification</source>
      <translation>Ký hiệu phân loại</translation>
    </message>
    <message>
      <source>Author mark</source>
      <translation>Ký hiệu tác giả</translation>
    </message>
    <message>
      <source>Subjects</source>
      <translation>Chủ đề</translation>
    </message>
    <message>
      <source>Series</source>
      <translation>Tùng thư</translation>
    </message>
    <message>
      <source>Notes</source>
      <translation>Ghi chú</translation>
    </message>
    <message>
      <source>Copies ({count})</source>
      <translation>Bản sách ({count})</translation>
    </message>
    <message>
      <source>Computed from the classification and the author mark: what the spine label prints. Edit the copy to set another.</source>
      <translation>Tính từ ký hiệu phân loại và ký hiệu tác giả: đúng như nhãn gáy sách in. Sửa bản sách để đặt ký hiệu khác.</translation>
    </message>
    <message>
      <source>Acquired {day}</source>
      <translation>Nhập ngày {day}</translation>
    </message>
  </context>
  <context>
    <name>RecordForm</name>
    <message>
      <source>Edit record</source>
      <translation>Sửa biểu ghi</translation>
    </message>
    <message>
      <source>New record</source>
      <translation>Biểu ghi mới</translation>
    </message>
    <message>
      <source>Separate several authors with ;</source>
      <translation>Nhiều tác giả thì cách nhau bằng dấu ;</translation>
    </message>
    <message>
      <source>Scan or type; several with ;</source>
      <translation>Quét hoặc gõ; nhiều số thì cách nhau bằng dấu ;</translation>
    </message>
    <message>
      <source>Separate several subjects with ;</source>
      <translation>Nhiều chủ đề thì cách nhau bằng dấu ;</translation>
    </message>
    <message>
      <source>Copy a record from the district's union catalog (works offline)</source>
      <translation>Sao một biểu ghi từ mục lục liên hợp của huyện (không cần mạng)</translation>
    </message>
    <message>
      <source>Title *</source>
      <translation>Nhan đề *</translation>
    </message>
    <message>
      <source>Author(s)</source>
      <translation>Tác giả</translation>
    </message>
    <message>
      <source>Publisher</source>
      <translation>Nhà xuất bản</translation>
    </message>
    <message>
      <source>Place</source>
      <translation>Nơi xuất bản</translation>
    </message>
    <message>
      <source>Year</source>
      <translation>Năm</translation>
    </message>
    <message>
      <source>ISBN</source>
      <translation>ISBN</translation>
    </message>
    <message>
      <source>&amp;District catalog…</source>
      <translation>Mục lục &amp;huyện…</translation>
    </message>
    <message>
      <source>&amp;Open it to add copies</source>
      <translation>&amp;Mở để thêm bản sách</translation>
    </message>
    <message>
      <source>Classification (DDC)</source>
      <translation>Ký hiệu phân loại (DDC)</translation>
    </message>
    <message>
      <source>Subjects</source>
      <translation>Chủ đề</translation>
    </message>
    <message>
      <source>Series</source>
      <translation>Tùng thư</translation>
    </message>
    <message>
      <source>Notes</source>
      <translation>Ghi chú</translation>
    </message>
    <message>
      <source>Copies to add</source>
      <translation>Số bản thêm</translation>
    </message>
    <message>
      <source>Collection</source>
      <translation>Kho</translation>
    </message>
    <message>
      <source>This is not a valid ISBN: check the digits.</source>
      <translation>Đây không phải ISBN hợp lệ: hãy kiểm tra các chữ số.</translation>
    </message>
    <message>
      <source>Not in this library nor in the district catalog on this PC: type the record in.</source>
      <translation>Chưa có trong thư viện và trong mục lục huyện trên máy này: hãy nhập biểu ghi.</translation>
    </message>
    <message>
      <source>This library already has “{title}” ({count} copies).</source>
      <translation>Thư viện đã có «{title}» ({count} bản).</translation>
    </message>
    <message>
      <source>Filled from the district catalog: check it, choose the copies, then Save.</source>
      <translation>Đã điền từ mục lục huyện: kiểm tra, chọn số bản rồi bấm Lưu.</translation>
    </message>
    <message>
      <source>The year must be a number, e.g. 2019.</source>
      <translation>Năm phải là số, ví dụ 2019.</translation>
    </message>
  </context>
  <context>
    <name>ReportsView</name>
    <message>
      <source>Individual register (sổ đăng ký cá biệt)</source>
      <translation>Sổ đăng ký cá biệt</translation>
    </message>
    <message>
      <source>General register (sổ đăng ký tổng quát)</source>
      <translation>Sổ đăng ký tổng quát</translation>
    </message>
    <message>
      <source>Textbook register (sổ đăng ký SGK)</source>
      <translation>Sổ đăng ký sách giáo khoa</translation>
    </message>
    <message>
      <source>Loan book: students (sổ mượn học sinh)</source>
      <translation>Sổ mượn của học sinh</translation>
    </message>
    <message>
      <source>Loan book: teachers and staff (sổ mượn giáo viên)</source>
      <translation>Sổ mượn của giáo viên, nhân viên</translation>
    </message>
    <message>
      <source>Loan book: all readers (sổ mượn)</source>
      <translation>Sổ mượn của mọi bạn đọc</translation>
    </message>
    <message>
      <source>Statistics of a period</source>
      <translation>Thống kê theo kỳ</translation>
    </message>
    <message>
      <source>Reading-room tally (phiếu thống kê lượt đọc)</source>
      <translation>Phiếu thống kê lượt đọc</translation>
    </message>
    <message>
      <source>Fines received (sổ thu tiền phạt)</source>
      <translation>Sổ thu tiền phạt</translation>
    </message>
    <message>
      <source>Annual report of a school year (báo cáo năm học)</source>
      <translation>Báo cáo năm học</translation>
    </message>
    <message>
      <source>List of copies written off (danh sách sách thanh lý)</source>
      <translation>Danh sách sách thanh lý</translation>
    </message>
    <message>
      <source>This school year</source>
      <translation>Năm học này</translation>
    </message>
    <message>
      <source>This month</source>
      <translation>Tháng này</translation>
    </message>
    <message>
      <source>Last month</source>
      <translation>Tháng trước</translation>
    </message>
    <message>
      <source>Everything</source>
      <translation>Toàn bộ</translation>
    </message>
    <message>
      <source>Days typed below</source>
      <translation>Tự chọn ngày</translation>
    </message>
    <message>
      <source>dd/mm/yyyy</source>
      <translation>dd/mm/yyyy</translation>
    </message>
    <message>
      <source>All collections</source>
      <translation>Mọi kho</translation>
    </message>
    <message>
      <source>&amp;Show</source>
      <translation>&amp;Xem</translation>
    </message>
    <message>
      <source>Save P&amp;DF…</source>
      <translation>Lưu &amp;PDF…</translation>
    </message>
    <message>
      <source>Save &amp;Excel…</source>
      <translation>Lưu &amp;Excel…</translation>
    </message>
    <message>
      <source>Pr&amp;int…</source>
      <translation>&amp;In…</translation>
    </message>
    <message>
      <source>Choose a register and a period, then Show.</source>
      <translation>Chọn sổ hoặc thống kê và kỳ, rồi bấm Xem.</translation>
    </message>
    <message>
      <source>&amp;Register:</source>
      <translation>&amp;Sổ:</translation>
    </message>
    <message>
      <source>&amp;Period:</source>
      <translation>&amp;Kỳ:</translation>
    </message>
    <message>
      <source>Fro&amp;m:</source>
      <translation>Từ &amp;ngày:</translation>
    </message>
    <message>
      <source>U&amp;ntil:</source>
      <translation>Đến ngà&amp;y:</translation>
    </message>
    <message>
      <source>School ye&amp;ar:</source>
      <translation>Năm &amp;học:</translation>
    </message>
    <message>
      <source>&amp;Write-off record:</source>
      <translation>&amp;Biên bản thanh lý:</translation>
    </message>
    <message>
      <source>Co&amp;llection:</source>
      <translation>Kh&amp;o:</translation>
    </message>
    <message>
      <source>No write-off record yet</source>
      <translation>Chưa có biên bản thanh lý nào</translation>
    </message>
    <message>
      <source>{number}, {day}: {count} copies, {value} đ</source>
      <translation>{number}, {day}: {count} bản, {value} đ</translation>
    </message>
    <message>
      <source>Making the report</source>
      <translation>Đang lập sổ</translation>
    </message>
    <message>
      <source>Cancelled: nothing was saved.</source>
      <translation>Đã huỷ: không lưu gì.</translation>
    </message>
    <message>
      <source>{pages} page(s), {rows} line(s)</source>
      <translation>{pages} trang, {rows} dòng</translation>
    </message>
    <message>
      <source>Saved {file} ({pages})</source>
      <translation>Đã lưu {file} ({pages})</translation>
    </message>
    <message>
      <source>Save PDF</source>
      <translation>Lưu PDF</translation>
    </message>
    <message>
      <source>PDF files (*.pdf)</source>
      <translation>Tệp PDF (*.pdf)</translation>
    </message>
    <message>
      <source>Save Excel</source>
      <translation>Lưu Excel</translation>
    </message>
    <message>
      <source>Excel workbooks (*.xlsx)</source>
      <translation>Tệp Excel (*.xlsx)</translation>
    </message>
    <message>
      <source>Printing</source>
      <translation>Đang in</translation>
    </message>
    <message>
      <source>Sent {count} page(s) to {printer}</source>
      <translation>Đã gửi {count} trang tới {printer}</translation>
    </message>
    <message>
      <source>Printing cancelled: nothing was sent to {printer}</source>
      <translation>Đã huỷ in: không gửi gì tới {printer}</translation>
    </message>
    <message>
      <source>The printer {name} could not be opened: check that it is switched on and connected.</source>
      <translation>Không mở được máy in {name}: hãy kiểm tra máy in đã bật và đã kết nối.</translation>
    </message>
  </context>
  <context>
    <name>RolloverDialog</name>
    <message>
      <source>New school year: move classes up</source>
      <translation>Năm học mới: lên lớp</translation>
    </message>
    <message>
      <source>Class now</source>
      <translation>Lớp hiện tại</translation>
    </message>
    <message>
      <source>Becomes</source>
      <translation>Lên lớp</translation>
    </message>
    <message>
      <source>Students</source>
      <translation>Số học sinh</translation>
    </message>
    <message>
      <source>&amp;Apply rollover</source>
      <translation>&amp;Thực hiện lên lớp</translation>
    </message>
    <message>
      <source>&amp;Undo the last rollover</source>
      <translation>&amp;Hoàn tác lần lên lớp gần nhất</translation>
    </message>
    <message>
      <source>Last grade of the school (graduates):</source>
      <translation>Khối cuối cấp (ra trường):</translation>
    </message>
    <message>
      <source>School year {from_year} → {to_year}: {promoted} student(s) move up, {graduated} graduate.</source>
      <translation>Năm học {from_year} → {to_year}: {promoted} học sinh lên lớp, {graduated} học sinh ra trường.</translation>
    </message>
    <message>
      <source>graduates</source>
      <translation>ra trường</translation>
    </message>
    <message>
      <source>unchanged (no grade)</source>
      <translation>giữ nguyên (không có khối)</translation>
    </message>
    <message>
      <source>The school year {year} has not ended yet (today {today}): moving up now puts every class a year ahead. Usually the rollover is done when the school year ends.</source>
      <translation>Năm học {year} chưa kết thúc (hôm nay {today}): lên lớp bây giờ sẽ đưa mọi lớp lên trước một năm. Thường chỉ lên lớp khi năm học đã kết thúc.</translation>
    </message>
    <message>
      <source>&amp;Extend the cards of {count} student(s) moving up until {date}</source>
      <translation>&amp;Gia hạn thẻ của {count} học sinh lên lớp đến {date}</translation>
    </message>
    <message>
      <source>class {name} (due {due}) goes with its students to {to}</source>
      <translation>lớp {name} (hạn {due}) chuyển theo học sinh sang lớp {to}</translation>
    </message>
    <message>
      <source>class {name} (due {due}) is closed: its students graduate, the books they still have stay on their loans</source>
      <translation>lớp {name} (hạn {due}) được kết thúc: học sinh ra trường, sách các em còn giữ vẫn ghi là đang mượn</translation>
    </message>
    <message>
      <source>Textbook sets still lent (textbooks usually come back at the end of the year): {sets}.</source>
      <translation>Còn đợt mượn sách giáo khoa chưa kết thúc (sách giáo khoa thường được trả vào cuối năm học): {sets}.</translation>
    </message>
    <message>
      <source>{name} ({klass}, card {card}): {books} book(s)</source>
      <translation>{name} ({klass}, thẻ {card}): {books} cuốn</translation>
    </message>
    <message>
      <source>… and {count} more</source>
      <translation>… và {count} học sinh khác</translation>
    </message>
    <message>
      <source>{students} graduating student(s) still have {books} book(s) on loan — get them back before they leave:</source>
      <translation>{students} học sinh sắp ra trường còn đang mượn {books} cuốn — hãy thu hồi sách trước khi các em ra trường:</translation>
    </message>
    <message>
      <source>Move every class up to the school year {year}? You can undo it afterwards.</source>
      <translation>Chuyển tất cả các lớp lên năm học {year}? Có thể hoàn tác sau đó.</translation>
    </message>
    <message>
      <source>Done: {promoted} moved up, {graduated} graduated.</source>
      <translation>Xong: {promoted} học sinh lên lớp, {graduated} học sinh ra trường.</translation>
    </message>
    <message>
      <source>{count} card(s) extended until {date}.</source>
      <translation>Đã gia hạn {count} thẻ đến {date}.</translation>
    </message>
    <message>
      <source>Undo the last rollover? Every student gets back the class they had before it.</source>
      <translation>Hoàn tác lần lên lớp gần nhất? Mọi học sinh trở lại lớp cũ.</translation>
    </message>
    <message>
      <source>The rollover to {year} was undone.</source>
      <translation>Đã hoàn tác lần lên lớp sang năm học {year}.</translation>
    </message>
  </context>
  <context>
    <name>RulesPage</name>
    <message>
      <source>Patron category</source>
      <extracomment>The largest amount the fine-block box takes (đồng): the ceiling of every amount typed.</extracomment>
      <translation>Loại bạn đọc</translation>
    </message>
    <message>
      <source>Item type</source>
      <translation>Loại tài liệu</translation>
    </message>
    <message>
      <source>May borrow</source>
      <translation>Được mượn</translation>
    </message>
    <message>
      <source>Days</source>
      <translation>Số ngày</translation>
    </message>
    <message>
      <source>Fixed due date</source>
      <translation>Hạn trả cố định</translation>
    </message>
    <message>
      <source>Max items</source>
      <translation>Tối đa</translation>
    </message>
    <message>
      <source>Renewals</source>
      <translation>Gia hạn</translation>
    </message>
    <message>
      <source>Holds</source>
      <translation>Đặt giữ</translation>
    </message>
    <message>
      <source>Fine per day (đ)</source>
      <translation>Phạt mỗi ngày (đ)</translation>
    </message>
    <message>
      <source>The most specific rule applies: a rule for one reader category and one item type wins over “any”. Fixed due date: 31/05 for every 31 May (textbooks), or a date such as 31/05/2026; leave it empty to count days. Fine per day: đồng for each day late; 0 means no fine.</source>
      <translation>Quy định cụ thể nhất được áp dụng: quy định cho một loại bạn đọc và một loại tài liệu được ưu tiên hơn quy định “mọi”. Hạn trả cố định: 31/05 cho ngày 31/5 hằng năm (sách giáo khoa), hoặc một ngày như 31/05/2026; để trống thì tính theo số ngày. Phạt mỗi ngày: số đồng cho mỗi ngày trả muộn; 0 là không phạt.</translation>
    </message>
    <message>
      <source>&amp;Save</source>
      <translation>&amp;Lưu</translation>
    </message>
    <message>
      <source>Add a &amp;rule</source>
      <translation>Thêm &amp;quy định</translation>
    </message>
    <message>
      <source>Re&amp;move the selected rule</source>
      <translation>&amp;Xoá quy định đang chọn</translation>
    </message>
    <message>
      <source>Restore the &amp;defaults</source>
      <translation>Khôi phục &amp;mặc định</translation>
    </message>
    <message>
      <source>A book lost on loan costs its reader</source>
      <translation>Sách mượn bị mất, bạn đọc đền</translation>
    </message>
    <message>
      <source> % of its price</source>
      <translation> % giá sách</translation>
    </message>
    <message>
      <source>nothing</source>
      <translation>không thu</translation>
    </message>
    <message>
      <source>Charged when a copy on loan is marked lost; cancelled if it turns up before it is paid. 0: no charge (the reader brings the same book instead).</source>
      <translation>Thu khi ghi mất một bản sách đang cho mượn; tự huỷ nếu tìm thấy sách trước khi nộp. 0: không thu tiền (bạn đọc đền bằng cuốn sách cùng loại).</translation>
    </message>
    <message>
      <source>Row {row}: days, max items, renewals and the fine are whole numbers.</source>
      <translation>Dòng {row}: số ngày, số tối đa, số lần gia hạn và tiền phạt phải là số nguyên.</translation>
    </message>
    <message>
      <source>Refuse new loans when a reader's unpaid fines reach</source>
      <translation>Không cho mượn tiếp khi tiền phạt chưa nộp của bạn đọc lên tới</translation>
    </message>
    <message>
      <source>never</source>
      <translation>không bao giờ</translation>
    </message>
    <message>
      <source>Select a rule first.</source>
      <translation>Hãy chọn một quy định trước.</translation>
    </message>
    <message>
      <source>Row {row}: “{text}” is not a date (31/05 or 31/05/2026).</source>
      <translation>Dòng {row}: “{text}” không phải là ngày (31/05 hoặc 31/05/2026).</translation>
    </message>
    <message>
      <source>Two rows are for the same reader category and item type; keep one.</source>
      <translation>Có hai dòng cho cùng một loại bạn đọc và loại tài liệu; hãy giữ một dòng.</translation>
    </message>
    <message>
      <source>Row {row}: {reason}</source>
      <translation>Dòng {row}: {reason}</translation>
    </message>
    <message>
      <source>Saved.</source>
      <translation>Đã lưu.</translation>
    </message>
    <message>
      <source>The default rules are back.</source>
      <translation>Đã khôi phục quy định mặc định.</translation>
    </message>
  </context>
  <context>
    <name>SelectionBox</name>
    <message>
      <source>The copies of this record</source>
      <translation>Các bản của biểu ghi này</translation>
    </message>
    <message>
      <source>Copies added since a date</source>
      <translation>Sách nhập từ một ngày trở đi</translation>
    </message>
    <message>
      <source>An accession-number range</source>
      <translation>Một khoảng số ĐKCB</translation>
    </message>
    <message>
      <source>Every copy of a catalog search</source>
      <translation>Mọi bản sách của một lần tìm</translation>
    </message>
    <message>
      <source>Title, author, subject…</source>
      <translation>Nhan đề, tác giả, chủ đề…</translation>
    </message>
    <message>
      <source>Which copies</source>
      <translation>Bản sách nào</translation>
    </message>
    <message>
      <source>Added on or after</source>
      <translation>Nhập từ ngày</translation>
    </message>
    <message>
      <source>Accession numbers</source>
      <translation>Số ĐKCB</translation>
    </message>
    <message>
      <source>Search</source>
      <translation>Tìm</translation>
    </message>
    <message>
      <source>Counting…</source>
      <translation>Đang đếm…</translation>
    </message>
    <message>
      <source>Counting the copies</source>
      <translation>Đang đếm số bản sách</translation>
    </message>
    <message>
      <source>{count} copies selected</source>
      <translation>Đã chọn {count} bản sách</translation>
    </message>
  </context>
  <context>
    <name>SettingsView</name>
    <message>
      <source>Library</source>
      <translation>Thư viện</translation>
    </message>
    <message>
      <source>Accession numbers</source>
      <translation>Số ĐKCB</translation>
    </message>
    <message>
      <source>Loan rules</source>
      <translation>Quy định mượn</translation>
    </message>
    <message>
      <source>Calendar</source>
      <translation>Lịch</translation>
    </message>
    <message>
      <source>Enroll with the district library</source>
      <translation>Ghi danh với thư viện huyện</translation>
    </message>
    <message>
      <source>District sync</source>
      <translation>Đồng bộ huyện</translation>
    </message>
    <message>
      <source>Settings not saved</source>
      <translation>Cài đặt chưa lưu</translation>
    </message>
    <message>
      <source>You changed settings without pressing Save: {tabs}. Save them now?</source>
      <translation>Bạn đã sửa cài đặt mà chưa bấm Lưu: {tabs}. Lưu ngay bây giờ?</translation>
    </message>
    <message>
      <source>Library name</source>
      <translation>Tên thư viện</translation>
    </message>
    <message>
      <source>Library code</source>
      <translation>Mã thư viện</translation>
    </message>
    <message>
      <source>School year</source>
      <translation>Năm học</translation>
    </message>
    <message>
      <source>Library id: {id}</source>
      <translation>Mã định danh thư viện: {id}</translation>
    </message>
    <message>
      <source>Saved.</source>
      <translation>Đã lưu.</translation>
    </message>
    <message>
      <source>Collection code</source>
      <translation>Mã kho</translation>
    </message>
    <message>
      <source>Prefix</source>
      <translation>Tiền tố</translation>
    </message>
    <message>
      <source>Digits</source>
      <translation>Số chữ số</translation>
    </message>
    <message>
      <source>Collection name</source>
      <translation>Tên kho</translation>
    </message>
    <message>
      <source>&amp;Save</source>
      <translation>&amp;Lưu</translation>
    </message>
    <message>
      <source>Acc. numbers</source>
      <translation>Số ĐKCB</translation>
    </message>
    <message>
      <source>Desk, language</source>
      <translation>Quầy và ngôn ngữ</translation>
    </message>
    <message>
      <source>Reader cards</source>
      <translation>Thẻ bạn đọc</translation>
    </message>
    <message>
      <source>Enter or Ctrl+S saves too</source>
      <translation>Nhấn Enter hoặc Ctrl+S cũng lưu</translation>
    </message>
    <message>
      <source>&amp;Add a collection</source>
      <translation>Thêm &amp;kho</translation>
    </message>
    <message>
      <source>Example: code TK, prefix “TK.”, 5 digits → TK.00001, TK.00002…</source>
      <translation>Ví dụ: mã TK, tiền tố “TK.”, 5 chữ số → TK.00001, TK.00002…</translation>
    </message>
    <message>
      <source>Closed every week</source>
      <translation>Nghỉ hằng tuần</translation>
    </message>
    <message>
      <source>Mon</source>
      <translation>T2</translation>
    </message>
    <message>
      <source>Tue</source>
      <translation>T3</translation>
    </message>
    <message>
      <source>Wed</source>
      <translation>T4</translation>
    </message>
    <message>
      <source>Thu</source>
      <translation>T5</translation>
    </message>
    <message>
      <source>Fri</source>
      <translation>T6</translation>
    </message>
    <message>
      <source>Sat</source>
      <translation>T7</translation>
    </message>
    <message>
      <source>Sun</source>
      <translation>CN</translation>
    </message>
    <message>
      <source>Closed periods (holidays, Tết, summer)</source>
      <translation>Các đợt nghỉ (lễ, Tết, hè)</translation>
    </message>
    <message>
      <source>e.g. Tết</source>
      <translation>ví dụ Tết</translation>
    </message>
    <message>
      <source>&amp;Add</source>
      <translation>Thê&amp;m</translation>
    </message>
    <message>
      <source>&amp;Remove selected</source>
      <translation>&amp;Xoá mục đã chọn</translation>
    </message>
    <message>
      <source>From</source>
      <translation>Từ</translation>
    </message>
    <message>
      <source>to</source>
      <translation>đến</translation>
    </message>
    <message>
      <source>Automatic (on loan → check in, else check out)</source>
      <translation>Tự động (sách đang mượn → nhận trả, còn lại → cho mượn)</translation>
    </message>
    <message>
      <source>Check out only</source>
      <translation>Chỉ cho mượn</translation>
    </message>
    <message>
      <source>Check in only</source>
      <translation>Chỉ nhận trả</translation>
    </message>
    <message>
      <source>In-library reading (each copy scanned is counted)</source>
      <translation>Đọc tại chỗ (mỗi cuốn quét được đếm một lượt)</translation>
    </message>
    <message>
      <source>Desk mode at start</source>
      <translation>Chế độ quầy</translation>
    </message>
    <message>
      <source>Language</source>
      <translation>Ngôn ngữ</translation>
    </message>
    <message>
      <source>The language changes when ThuVien starts again.</source>
      <translation>Ngôn ngữ sẽ đổi khi mở lại ThuVien.</translation>
    </message>
    <message>
      <source>Camera</source>
      <translation>Camera</translation>
    </message>
  </context>
  <context>
    <name>StartStocktakeDialog</name>
    <message>
      <source>Start a stocktake</source>
      <translation>Bắt đầu kiểm kê</translation>
    </message>
    <message>
      <source>Tick the collections and/or locations to count; tick nothing to count the whole library.</source>
      <translation>Đánh dấu các kho và/hoặc vị trí cần kiểm; không đánh dấu gì thì kiểm toàn thư viện.</translation>
    </message>
    <message>
      <source>Collections</source>
      <translation>Kho</translation>
    </message>
    <message>
      <source>Locations</source>
      <translation>Vị trí</translation>
    </message>
    <message>
      <source>&amp;Start</source>
      <translation>&amp;Bắt đầu</translation>
    </message>
    <message>
      <source>Cancel</source>
      <translation>Huỷ</translation>
    </message>
  </context>
  <context>
    <name>StocktakeView</name>
    <message>
      <source>&amp;Start a stocktake…</source>
      <translation>&amp;Bắt đầu kiểm kê…</translation>
    </message>
    <message>
      <source>&amp;Close the stocktake…</source>
      <translation>&amp;Kết thúc kiểm kê…</translation>
    </message>
    <message>
      <source>&amp;Print the missing list…</source>
      <translation>&amp;In danh sách thiếu…</translation>
    </message>
    <message>
      <source>&amp;Refresh the lists</source>
      <translation>Làm &amp;mới danh sách</translation>
    </message>
    <message>
      <source>&amp;Write-off record…</source>
      <translation>&amp;Lập biên bản thanh lý…</translation>
    </message>
    <message>
      <source>Scan the books on the shelf, one by one…</source>
      <translation>Quét lần lượt từng cuốn sách trên giá…</translation>
    </message>
    <message>
      <source>Call number</source>
      <translation>Ký hiệu xếp giá</translation>
    </message>
    <message>
      <source>Accession no.</source>
      <translation>Số ĐKCB</translation>
    </message>
    <message>
      <source>Title</source>
      <translation>Nhan đề</translation>
    </message>
    <message>
      <source>Location</source>
      <translation>Vị trí</translation>
    </message>
    <message>
      <source>Due</source>
      <translation>Hạn trả</translation>
    </message>
    <message>
      <source>Collection</source>
      <translation>Kho</translation>
    </message>
    <message>
      <source>Expected</source>
      <translation>Cần kiểm</translation>
    </message>
    <message>
      <source>Found</source>
      <translation>Đã thấy</translation>
    </message>
    <message>
      <source>On loan</source>
      <translation>Đang mượn</translation>
    </message>
    <message>
      <source>Missing</source>
      <translation>Còn thiếu</translation>
    </message>
    <message>
      <source>Not found yet (shelf order)</source>
      <translation>Chưa thấy (theo thứ tự trên giá)</translation>
    </message>
    <message>
      <source>By collection and location</source>
      <translation>Theo kho và vị trí</translation>
    </message>
    <message>
      <source>No stocktake is open.</source>
      <translation>Chưa có đợt kiểm kê nào đang mở.</translation>
    </message>
    <message>
      <source>Start a stocktake (Alt+S), then scan every book on the shelves. Scans are saved at once: you can stop and go on another day.</source>
      <translation>Bắt đầu kiểm kê (Alt+B), rồi quét từng cuốn sách trên giá. Mỗi lần quét được lưu ngay: có thể dừng và làm tiếp vào hôm khác.</translation>
    </message>
    <message>
      <source>Scan the books on the shelf, one by one.</source>
      <translation>Quét lần lượt từng cuốn sách trên giá.</translation>
    </message>
    <message>
      <source>Reading the stocktake lists</source>
      <translation>Đang đọc danh sách kiểm kê</translation>
    </message>
    <message>
      <source>Expected {expected} · found {found} · on loan {on_loan} · missing {missing}</source>
      <translation>Cần kiểm {expected} · đã thấy {found} · đang mượn {on_loan} · còn thiếu {missing}</translation>
    </message>
    <message>
      <source>Close the stocktake</source>
      <translation>Kết thúc kiểm kê</translation>
    </message>
    <message>
      <source>{count} copies were not found. What should happen to them?</source>
      <translation>Có {count} bản không tìm thấy. Xử lý các bản này thế nào?</translation>
    </message>
    <message>
      <source>Mark them &amp;lost</source>
      <translation>Ghi &amp;mất tất cả</translation>
    </message>
    <message>
      <source>&amp;Leave them for next time</source>
      <translation>Để &amp;lại cho lần sau</translation>
    </message>
    <message>
      <source>Cancel</source>
      <translation>Huỷ</translation>
    </message>
    <message>
      <source>Closing the stocktake</source>
      <translation>Đang kết thúc kiểm kê</translation>
    </message>
    <message>
      <source>Stocktake closed: expected {expected}, present {present}, on loan {on_loan}, missing {missing}, marked lost {lost}.</source>
      <translation>Đã kết thúc kiểm kê: cần kiểm {expected}, có {present}, đang mượn {on_loan}, thiếu {missing}, đánh dấu mất {lost}.</translation>
    </message>
    <message>
      <source>Missing list</source>
      <translation>Danh sách sách thiếu</translation>
    </message>
    <message>
      <source>{count} copies not found</source>
      <translation>{count} bản chưa thấy</translation>
    </message>
    <message>
      <source>Write-off record {number} made: {count} copies, value {value} đ.</source>
      <translation>Đã lập biên bản thanh lý {number}: {count} bản, trị giá {value} đ.</translation>
    </message>
  </context>
  <context>
    <name>SyncPage</name>
    <message>
      <source>State</source>
      <extracomment>The enrollment fields show what is stored (filled from the status, or just enrolled).</extracomment>
      <translation>Tình trạng</translation>
    </message>
    <message>
      <source>District server</source>
      <translation>Máy chủ huyện</translation>
    </message>
    <message>
      <source>Library code</source>
      <translation>Mã thư viện</translation>
    </message>
    <message>
      <source>Last sync</source>
      <translation>Lần đồng bộ cuối</translation>
    </message>
    <message>
      <source>Changes not yet sent</source>
      <translation>Thay đổi chưa gửi</translation>
    </message>
    <message>
      <source>Last error</source>
      <translation>Lỗi gần nhất</translation>
    </message>
    <message>
      <source>This computer's date</source>
      <translation>Ngày trên máy tính</translation>
    </message>
    <message>
      <source>District catalog records here</source>
      <translation>Biểu ghi mục lục huyện trên máy này</translation>
    </message>
    <message>
      <source>Sync key</source>
      <translation>Khoá đồng bộ</translation>
    </message>
    <message>
      <source>Sync now (Ctrl+Shift+S)</source>
      <translation>Đồng bộ ngay (Ctrl+Shift+S)</translation>
    </message>
    <message>
      <source>Enroll with the district library</source>
      <translation>Ghi danh với thư viện huyện</translation>
    </message>
    <message>
      <source>The one-time code the district gave you</source>
      <translation>Mã dùng một lần do thư viện huyện cấp</translation>
    </message>
    <message>
      <source>Only if the district uses its own certificate</source>
      <translation>Chỉ khi thư viện huyện dùng chứng chỉ riêng</translation>
    </message>
    <message>
      <source>C&amp;hoose…</source>
      <translation>C&amp;họn…</translation>
    </message>
    <message>
      <source>&amp;Enroll</source>
      <translation>&amp;Ghi danh</translation>
    </message>
    <message>
      <source>Server address</source>
      <translation>Địa chỉ máy chủ</translation>
    </message>
    <message>
      <source>Enrollment code</source>
      <translation>Mã ghi danh</translation>
    </message>
    <message>
      <source>CA certificate file</source>
      <translation>Tệp chứng chỉ CA</translation>
    </message>
    <message>
      <source>Readers' personal data</source>
      <translation>Dữ liệu cá nhân của bạn đọc</translation>
    </message>
    <message>
      <source>Send readers' names and card numbers to the district</source>
      <translation>Gửi tên và số thẻ bạn đọc lên thư viện huyện</translation>
    </message>
    <message>
      <source>Off (the default): only anonymous counts leave the school, never names, card numbers or photos.</source>
      <translation>Tắt (mặc định): chỉ số liệu ẩn danh rời khỏi trường, không bao giờ có tên, số thẻ hay ảnh bạn đọc.</translation>
    </message>
    <message>
      <source>not enrolled</source>
      <translation>chưa ghi danh</translation>
    </message>
    <message>
      <source>none</source>
      <translation>không có</translation>
    </message>
    <message>
      <source>Type the server address and the enrollment code.</source>
      <translation>Hãy nhập địa chỉ máy chủ và mã ghi danh.</translation>
    </message>
    <message>
      <source>Enrolling…</source>
      <translation>Đang ghi danh…</translation>
    </message>
    <message>
      <source>Enrolled as {code} — {name}. Syncing now.</source>
      <translation>Đã ghi danh: {code} — {name}. Đang đồng bộ.</translation>
    </message>
    <message>
      <source>Syncing…</source>
      <translation>Đang đồng bộ…</translation>
    </message>
    <message>
      <source>Synced: {pushed} changes sent, {kept} kept at the school (readers' details, holds, class loans), {pulled} district catalog records received.</source>
      <translation>Đã đồng bộ: gửi {pushed} thay đổi, giữ lại ở trường {kept} thay đổi (thông tin bạn đọc, đặt trước, mượn theo lớp), nhận {pulled} biểu ghi mục lục huyện.</translation>
    </message>
    <message>
      <source>Synced: {pushed} changes sent, {pulled} district catalog records received.</source>
      <translation>Đã đồng bộ: gửi {pushed} thay đổi, nhận {pulled} biểu ghi mục lục huyện.</translation>
    </message>
    <message>
      <source>Readers' names and card numbers will be sent to the district.</source>
      <translation>Tên và số thẻ bạn đọc sẽ được gửi lên thư viện huyện.</translation>
    </message>
    <message>
      <source>Only anonymous counts leave the school.</source>
      <translation>Chỉ số liệu ẩn danh rời khỏi trường.</translation>
    </message>
    <message>
      <source>CA certificate</source>
      <translation>Chứng chỉ CA</translation>
    </message>
    <message>
      <source>Certificates (*.pem *.crt *.cer);;All files (*)</source>
      <translation>Chứng chỉ (*.pem *.crt *.cer);;Mọi tệp (*)</translation>
    </message>
  </context>
  <context>
    <name>ThermalOptions</name>
    <message>
      <source>TSPL (TSC, Xprinter and most others)</source>
      <translation>TSPL (TSC, Xprinter và phần lớn các máy khác)</translation>
    </message>
    <message>
      <source>ZPL (Zebra)</source>
      <translation>ZPL (Zebra)</translation>
    </message>
    <message>
      <source>Printer language</source>
      <translation>Ngôn ngữ máy in</translation>
    </message>
    <message>
      <source>Label width</source>
      <translation>Chiều rộng nhãn</translation>
    </message>
    <message>
      <source>Label height</source>
      <translation>Chiều cao nhãn</translation>
    </message>
    <message>
      <source>Gap between labels</source>
      <translation>Khe giữa các nhãn</translation>
    </message>
    <message>
      <source>Resolution</source>
      <translation>Độ phân giải</translation>
    </message>
  </context>
  <context>
    <name>WaiveDialog</name>
    <message>
      <source>Waive a fine</source>
      <translation>Miễn tiền phạt</translation>
    </message>
    <message>
      <source>{name}: “{title}” ({barcode}), lost book — {amount}</source>
      <translation>{name}: “{title}” ({barcode}), mất sách — {amount}</translation>
    </message>
    <message>
      <source>{name}: “{title}” ({barcode}), {days} days late — {amount}</source>
      <translation>{name}: “{title}” ({barcode}), quá hạn {days} ngày — {amount}</translation>
    </message>
    <message>
      <source>e.g. family in difficulty, book returned by post</source>
      <translation>ví dụ: gia đình khó khăn, sách gửi trả qua bưu điện</translation>
    </message>
    <message>
      <source>your name (default: the computer's login)</source>
      <translation>tên người quyết định (mặc định: tài khoản máy)</translation>
    </message>
    <message>
      <source>Waive</source>
      <translation>Miễn phạt</translation>
    </message>
    <message>
      <source>Reason</source>
      <translation>Lý do</translation>
    </message>
    <message>
      <source>Decided by</source>
      <translation>Người quyết định</translation>
    </message>
  </context>
  <context>
    <name>WithdrawDialog</name>
    <message>
      <source>Withdraw copy {barcode}</source>
      <translation>Thanh lý bản sách {barcode}</translation>
    </message>
    <message>
      <source>Copy {barcode} leaves the collection (worn out, outdated…). It stays in the catalog marked withdrawn and is no longer lent or counted.</source>
      <translation>Bản sách {barcode} ra khỏi kho (rách nát, lạc hậu…). Nó vẫn ở trong mục lục, ghi là đã thanh lý, không cho mượn và không tính vào vốn tài liệu nữa.</translation>
    </message>
    <message>
      <source>e.g. BB số 12/2026 (may be left empty)</source>
      <translation>ví dụ BB số 12/2026 (có thể để trống)</translation>
    </message>
    <message>
      <source>Write-off record</source>
      <translation>Biên bản thanh lý</translation>
    </message>
    <message>
      <source>Reason</source>
      <translation>Lý do</translation>
    </message>
    <message>
      <source>Withdraw</source>
      <translation>Thanh lý</translation>
    </message>
  </context>
  <context>
    <name>WriteoffDialog</name>
    <message>
      <source>Write-off record</source>
      <translation>Biên bản thanh lý</translation>
    </message>
    <message>
      <source>Scan or type an accession number, Enter</source>
      <translation>Quét hoặc gõ số ĐKCB rồi Enter</translation>
    </message>
    <message>
      <source>&amp;Number:</source>
      <translation>&amp;Số biên bản:</translation>
    </message>
    <message>
      <source>&amp;Date:</source>
      <translation>&amp;Ngày:</translation>
    </message>
    <message>
      <source>&amp;Reason:</source>
      <translation>&amp;Lý do:</translation>
    </message>
    <message>
      <source>&amp;Approved by:</source>
      <translation>Người &amp;duyệt:</translation>
    </message>
    <message>
      <source>N&amp;ote:</source>
      <translation>Ghi &amp;chú:</translation>
    </message>
    <message>
      <source>Cop&amp;ies:</source>
      <translation>&amp;Quét sách:</translation>
    </message>
    <message>
      <source>Accession no.</source>
      <translation>Số ĐKCB</translation>
    </message>
    <message>
      <source>Title</source>
      <translation>Nhan đề</translation>
    </message>
    <message>
      <source>Collection</source>
      <translation>Kho</translation>
    </message>
    <message>
      <source>Price</source>
      <translation>Giá tiền</translation>
    </message>
    <message>
      <source>Add the copies the last stocktake did not &amp;find</source>
      <translation>Thêm các bản &amp;thiếu khi kiểm kê</translation>
    </message>
    <message>
      <source>&amp;Take out of the list</source>
      <translation>&amp;Xoá khỏi danh sách</translation>
    </message>
    <message>
      <source>Ma&amp;ke the record</source>
      <translation>Lập &amp;biên bản</translation>
    </message>
    <message>
      <source>Then show its list of copies to &amp;print</source>
      <translation>Sau đó &amp;in danh sách</translation>
    </message>
    <message>
      <source>Cancel</source>
      <translation>Huỷ</translation>
    </message>
    <message>
      <source>{barcode} is already on the list.</source>
      <translation>{barcode} đã có trong danh sách.</translation>
    </message>
    <message>
      <source>{count} copies added from the stocktake.</source>
      <translation>Đã thêm {count} bản từ lần kiểm kê.</translation>
    </message>
    <message>
      <source>{count} copies, value {value} đ</source>
      <translation>{count} bản, trị giá {value} đ</translation>
    </message>
    <message>
      <source>List of copies written off</source>
      <translation>Danh sách sách thanh lý</translation>
    </message>
  </context>
</TS>