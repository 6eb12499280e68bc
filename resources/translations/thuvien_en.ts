<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="en_US" sourcelanguage="en_US">
  <context>
    <name>AddCopiesDialog</name>
    <message>
      <source>Add copies</source>
      <translation>Add copies</translation>
    </message>
    <message>
      <source>Number of copies</source>
      <translation>Number of copies</translation>
    </message>
    <message>
      <source>Collection</source>
      <translation>Collection</translation>
    </message>
  </context>
  <context>
    <name>CameraPage</name>
    <message>
      <source>fastest, enough for most labels</source>
      <translation>fastest, enough for most labels</translation>
    </message>
    <message>
      <source>sharper, uses more of the computer</source>
      <translation>sharper, uses more of the computer</translation>
    </message>
    <message>
      <source>Switch the camera on when the desk opens</source>
      <translation>Switch the camera on when the desk opens</translation>
    </message>
    <message>
      <source>&amp;Save</source>
      <translation>&amp;Save</translation>
    </message>
    <message>
      <source>0 is the first camera of this computer, 1 the second… A USB scanner needs no setting here.</source>
      <translation>0 is the first camera of this computer, 1 the second… A USB scanner needs no setting here.</translation>
    </message>
    <message>
      <source>Camera number</source>
      <translation>Camera number</translation>
    </message>
    <message>
      <source>Resolution</source>
      <translation>Resolution</translation>
    </message>
    <message>
      <source>Try the camera chosen above (hold a barcode in front of it; nothing is lent here):</source>
      <translation>Try the camera chosen above (hold a barcode in front of it; nothing is lent here):</translation>
    </message>
    <message>
      <source>Saved. The desk uses this camera the next time it is switched on.</source>
      <translation>Saved. The desk uses this camera the next time it is switched on.</translation>
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
      <translation>Starting camera {camera}…</translation>
    </message>
    <message>
      <source>Camera {camera} is on. Hold a barcode in front of it.</source>
      <translation>Camera {camera} is on. Hold a barcode in front of it.</translation>
    </message>
    <message>
      <source>Camera off. {key} switches it on; the USB scanner always works.</source>
      <translation>Camera off. {key} switches it on; the USB scanner always works.</translation>
    </message>
    <message>
      <source>Camera off.</source>
      <translation>Camera off.</translation>
    </message>
    <message>
      <source>Switch camera off</source>
      <translation>Switch camera off</translation>
    </message>
    <message>
      <source>Switch camera on</source>
      <translation>Switch camera on</translation>
    </message>
    <message>
      <source>S&amp;witch camera off</source>
      <translation>S&amp;witch camera off</translation>
    </message>
    <message>
      <source>Switch camera &amp;on</source>
      <translation>Switch camera &amp;on</translation>
    </message>
  </context>
  <context>
    <name>CameraWorker</name>
    <message>
      <source>The camera stopped: {error}</source>
      <extracomment>the last decode times (a day at 30 frames/s would otherwise keep ~900,000 of them)</extracomment>
      <translation>The camera stopped: {error}</translation>
    </message>
  </context>
  <context>
    <name>CardValidityPage</name>
    <message>
      <source>Student cards</source>
      <translation>Student cards</translation>
    </message>
    <message>
      <source>Teacher cards</source>
      <translation>Teacher cards</translation>
    </message>
    <message>
      <source>Staff cards</source>
      <translation>Staff cards</translation>
    </message>
    <message>
      <source>Community reader cards</source>
      <translation>Community reader cards</translation>
    </message>
    <message>
      <source>No expiry</source>
      <translation>No expiry</translation>
    </message>
    <message>
      <source>To the end of the school year (31/05)</source>
      <translation>To the end of the school year (31/05)</translation>
    </message>
    <message>
      <source>A number of months</source>
      <translation>A number of months</translation>
    </message>
    <message>
      <source> months</source>
      <translation> months</translation>
    </message>
    <message>
      <source> days</source>
      <translation> days</translation>
    </message>
    <message>
      <source>Say a card expires soon from</source>
      <translation>Say a card expires soon from</translation>
    </message>
    <message>
      <source>New cards and class lists get this validity; F10 at the desk and “Renew cards…” in Patrons renew by it. Cards already issued keep theirs. An expired card may return books but not borrow or renew them.</source>
      <translation>New cards and class lists get this validity; F10 at the desk and “Renew cards…” in Patrons renew by it. Cards already issued keep theirs. An expired card may return books but not borrow or renew them.</translation>
    </message>
    <message>
      <source>&amp;Save</source>
      <translation>&amp;Save</translation>
    </message>
    <message>
      <source>Saved.</source>
      <translation>Saved.</translation>
    </message>
  </context>
  <context>
    <name>CatalogView</name>
    <message>
      <source>Search title, author, subject, ISBN or accession number (2 letters or more)…</source>
      <translation>Search title, author, subject, ISBN or accession number (2 letters or more)…</translation>
    </message>
    <message>
      <source>Print labels for every copy of the records found (Ctrl+Shift+L)</source>
      <translation>Print labels for every copy of the records found (Ctrl+Shift+L)</translation>
    </message>
    <message>
      <source>Title</source>
      <translation>Title</translation>
    </message>
    <message>
      <source>Author</source>
      <translation>Author</translation>
    </message>
    <message>
      <source>Year</source>
      <translation>Year</translation>
    </message>
    <message>
      <source>Call number</source>
      <translation>Call number</translation>
    </message>
    <message>
      <source>Copies</source>
      <translation>Copies</translation>
    </message>
    <message>
      <source>Labels for all &amp;results…</source>
      <translation>Labels for all &amp;results…</translation>
    </message>
    <message>
      <source>&amp;New record (Ctrl+N)</source>
      <translation>&amp;New record (Ctrl+N)</translation>
    </message>
    <message>
      <source>&amp;Import MARC…</source>
      <translation>&amp;Import MARC…</translation>
    </message>
    <message>
      <source>E&amp;xport MARC…</source>
      <translation>E&amp;xport MARC…</translation>
    </message>
    <message>
      <source>&amp;Edit record…</source>
      <translation>&amp;Edit record…</translation>
    </message>
    <message>
      <source>Add &amp;copies…</source>
      <translation>Add &amp;copies…</translation>
    </message>
    <message>
      <source>&amp;Print labels…</source>
      <translation>&amp;Print labels…</translation>
    </message>
    <message>
      <source>&amp;Holds…</source>
      <translation>&amp;Holds…</translation>
    </message>
    <message>
      <source>Who is waiting for this book; put a reader in the queue by their card</source>
      <translation>Who is waiting for this book; put a reader in the queue by their card</translation>
    </message>
    <message>
      <source>Searching…</source>
      <translation>Searching…</translation>
    </message>
    <message>
      <source>{count} found</source>
      <translation>{count} found</translation>
    </message>
    <message>
      <source>≈ {count} found</source>
      <translation>≈ {count} found</translation>
    </message>
    <message>
      <source>No records found</source>
      <translation>No records found</translation>
    </message>
    <message>
      <source>Import MARC records</source>
      <translation>Import MARC records</translation>
    </message>
    <message>
      <source>Importing {name}</source>
      <translation>Importing {name}</translation>
    </message>
    <message>
      <source>Unexpected error: {error}</source>
      <translation>Unexpected error: {error}</translation>
    </message>
    <message>
      <source>Catalog</source>
      <translation>Catalog</translation>
    </message>
    <message>
      <source>Export MARC records</source>
      <translation>Export MARC records</translation>
    </message>
    <message>
      <source>MARC 21 (ISO 2709) (*.mrc);;MARCXML (*.xml)</source>
      <translation>MARC 21 (ISO 2709) (*.mrc);;MARCXML (*.xml)</translation>
    </message>
    <message>
      <source>Exporting</source>
      <translation>Exporting</translation>
    </message>
    <message>
      <source>Export</source>
      <translation>Export</translation>
    </message>
    <message>
      <source>Catalog written to {path}.</source>
      <translation>Catalog written to {path}.</translation>
    </message>
    <message>
      <source>{count} record(s) were too long for ISO 2709 and were left out.</source>
      <translation>{count} record(s) were too long for ISO 2709 and were left out.</translation>
    </message>
  </context>
  <context>
    <name>ClassLoanDialog</name>
    <message>
      <source>Textbooks for class {name}</source>
      <translation>Textbooks for class {name}</translation>
    </message>
    <message>
      <source>Each student's card, then the copies handed to them: the copies recorded are the ones each student really has</source>
      <translation>Each student's card, then the copies handed to them: the copies recorded are the ones each student really has</translation>
    </message>
    <message>
      <source>The set:</source>
      <translation>The set:</translation>
    </message>
    <message>
      <source>A new set (due at the end of the school year, by the textbook rule)</source>
      <translation>A new set (due at the end of the school year, by the textbook rule)</translation>
    </message>
    <message>
      <source>Title or ISBN of a textbook, then Enter</source>
      <translation>Title or ISBN of a textbook, then Enter</translation>
    </message>
    <message>
      <source>&amp;Add to the set →</source>
      <translation>&amp;Add to the set →</translation>
    </message>
    <message>
      <source>Take &amp;out of the set</source>
      <translation>Take &amp;out of the set</translation>
    </message>
    <message>
      <source>&amp;Lend the set to the whole class</source>
      <translation>&amp;Lend the set to the whole class</translation>
    </message>
    <message>
      <source>Lend by &amp;scanning at the desk…</source>
      <translation>Lend by &amp;scanning at the desk…</translation>
    </message>
    <message>
      <source>&amp;Who still has what</source>
      <translation>&amp;Who still has what</translation>
    </message>
    <message>
      <source>&amp;mark the copies still out as lost</source>
      <translation>&amp;mark the copies still out as lost</translation>
    </message>
    <message>
      <source>Clos&amp;e the set</source>
      <translation>Clos&amp;e the set</translation>
    </message>
    <message>
      <source>Scan mo&amp;re at the desk…</source>
      <translation>Scan mo&amp;re at the desk…</translation>
    </message>
    <message>
      <source>Sets lent to this class</source>
      <translation>Sets lent to this class</translation>
    </message>
    <message>
      <source>&amp;Close</source>
      <translation>&amp;Close</translation>
    </message>
    <message>
      <source>{title} — {count} on the shelf</source>
      <translation>{title} — {count} on the shelf</translation>
    </message>
    <message>
      <source>Add the set's textbooks first.</source>
      <translation>Add the set's textbooks first.</translation>
    </message>
    <message>
      <source>{count} copies lent to class {name}, due {due}.</source>
      <translation>{count} copies lent to class {name}, due {due}.</translation>
    </message>
    <message>
      <source>{count} could not be lent: see who below.</source>
      <translation>{count} could not be lent: see who below.</translation>
    </message>
    <message>
      <source>open</source>
      <translation>open</translation>
    </message>
    <message>
      <source>closed</source>
      <translation>closed</translation>
    </message>
    <message>
      <source>Due {due} ({state}): {titles}</source>
      <translation>Due {due} ({state}): {titles}</translation>
    </message>
    <message>
      <source>{count} copies still out.</source>
      <translation>{count} copies still out.</translation>
    </message>
    <message>
      <source>{name}: still has {copies}</source>
      <translation>{name}: still has {copies}</translation>
    </message>
    <message>
      <source>{name}: was not given {titles}</source>
      <translation>{name}: was not given {titles}</translation>
    </message>
    <message>
      <source>{name}: everything returned</source>
      <translation>{name}: everything returned</translation>
    </message>
    <message>
      <source>Close the set</source>
      <translation>Close the set</translation>
    </message>
    <message>
      <source>Mark the {count} textbooks of class {name} still out as lost?</source>
      <translation>Mark the {count} textbooks of class {name} still out as lost?</translation>
    </message>
    <message>
      <source>The loan of each is closed and stays on its student's record. To close the set with the copies still on loan, untick “mark the copies still out as lost”.</source>
      <translation>The loan of each is closed and stays on its student's record. To close the set with the copies still on loan, untick “mark the copies still out as lost”.</translation>
    </message>
    <message>
      <source>&amp;Mark {count} lost</source>
      <translation>&amp;Mark {count} lost</translation>
    </message>
    <message>
      <source>&amp;No, go back</source>
      <translation>&amp;No, go back</translation>
    </message>
    <message>
      <source>The set is closed.</source>
      <translation>The set is closed.</translation>
    </message>
    <message>
      <source>The set is closed: {count} copies still out are marked lost.</source>
      <translation>The set is closed: {count} copies still out are marked lost.</translation>
    </message>
    <message>
      <source>The set is closed: {count} copies are still out, not marked lost.</source>
      <translation>The set is closed: {count} copies are still out, not marked lost.</translation>
    </message>
  </context>
  <context>
    <name>ClockBanner</name>
    <message>
      <source>This computer's &amp;date is right…</source>
      <translation>This computer's &amp;date is right…</translation>
    </message>
    <message>
      <source>Everything dated is stopped (lending, returns, payments, stocktakes…): {reason}</source>
      <translation>Everything dated is stopped (lending, returns, payments, stocktakes…): {reason}</translation>
    </message>
    <message>
      <source>Is this computer's date right?</source>
      <translation>Is this computer's date right?</translation>
    </message>
    <message>
      <source>This computer's date: {now}. The library recorded up to: {latest}. Confirm only if today really is {now} — if this computer has just lost its date ({dead}), set its clock instead of clicking here.</source>
      <translation>This computer's date: {now}. The library recorded up to: {latest}. Confirm only if today really is {now} — if this computer has just lost its date ({dead}), set its clock instead of clicking here.</translation>
    </message>
    <message>
      <source>&amp;Yes, today is {date}</source>
      <translation>&amp;Yes, today is {date}</translation>
    </message>
    <message>
      <source>&amp;No, I will set the clock</source>
      <translation>&amp;No, I will set the clock</translation>
    </message>
  </context>
  <context>
    <name>ColumnsPage</name>
    <message>
      <source>2. Check the columns</source>
      <translation>2. Check the columns</translation>
    </message>
    <message>
      <source>Columns typed in an old Vietnamese font (TCVN3/.VnTime, VNI) are detected and converted. If a name still reads wrong, choose its column's encoding.</source>
      <translation>Columns typed in an old Vietnamese font (TCVN3/.VnTime, VNI) are detected and converted. If a name still reads wrong, choose its column's encoding.</translation>
    </message>
    <message>
      <source>Column</source>
      <translation>Column</translation>
    </message>
    <message>
      <source>Header</source>
      <translation>Header</translation>
    </message>
    <message>
      <source>Field</source>
      <translation>Field</translation>
    </message>
    <message>
      <source>Text encoding</source>
      <translation>Text encoding</translation>
    </message>
    <message>
      <source>First value</source>
      <translation>First value</translation>
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
      <translation>4. Import</translation>
    </message>
    <message>
      <source>&amp;Import</source>
      <translation>&amp;Import</translation>
    </message>
    <message>
      <source>Press Import to add {new} new patron(s) and update {update}. {error} row(s) with errors will not be imported.</source>
      <translation>Press Import to add {new} new patron(s) and update {update}. {error} row(s) with errors will not be imported.</translation>
    </message>
  </context>
  <context>
    <name>CopyDetails</name>
    <message>
      <source>e.g. 45.000 (đồng)</source>
      <translation>e.g. 45.000 (đồng)</translation>
    </message>
    <message>
      <source>not known</source>
      <translation>not known</translation>
    </message>
    <message>
      <source>Purchase</source>
      <translation>Purchase</translation>
    </message>
    <message>
      <source>Donation</source>
      <translation>Donation</translation>
    </message>
    <message>
      <source>Allocated by the Department</source>
      <translation>Allocated by the Department</translation>
    </message>
    <message>
      <source>Exchange</source>
      <translation>Exchange</translation>
    </message>
    <message>
      <source>shelf or cupboard, e.g. Tủ 3</source>
      <translation>shelf or cupboard, e.g. Tủ 3</translation>
    </message>
    <message>
      <source>Price</source>
      <translation>Price</translation>
    </message>
    <message>
      <source>Date received</source>
      <translation>Date received</translation>
    </message>
    <message>
      <source>Source</source>
      <translation>Source</translation>
    </message>
    <message>
      <source>Location</source>
      <translation>Location</translation>
    </message>
    <message>
      <source>Note</source>
      <translation>Note</translation>
    </message>
    <message>
      <source>“{text}” is not a price: write it in đồng, from 0 to 1.000.000.000, e.g. 45.000.</source>
      <translation>“{text}” is not a price: write it in đồng, from 0 to 1.000.000.000, e.g. 45.000.</translation>
    </message>
  </context>
  <context>
    <name>CopyEditActions</name>
    <message>
      <source>Only for a copy entered by mistake that was never lent; its accession number is not given again. A copy that leaves the library is marked lost or withdrawn.</source>
      <translation>Only for a copy entered by mistake that was never lent; its accession number is not given again. A copy that leaves the library is marked lost or withdrawn.</translation>
    </message>
    <message>
      <source>Edit cop&amp;y…</source>
      <translation>Edit cop&amp;y…</translation>
    </message>
    <message>
      <source>Re&amp;move copy…</source>
      <translation>Re&amp;move copy…</translation>
    </message>
    <message>
      <source>&amp;Withdraw…</source>
      <translation>&amp;Withdraw…</translation>
    </message>
    <message>
      <source>Write off a worn-out or outdated copy (thanh lý), with the write-off record's number; it stays in the catalog, marked withdrawn.</source>
      <translation>Write off a worn-out or outdated copy (thanh lý), with the write-off record's number; it stays in the catalog, marked withdrawn.</translation>
    </message>
    <message>
      <source>Copy {barcode} withdrawn.</source>
      <translation>Copy {barcode} withdrawn.</translation>
    </message>
    <message>
      <source>Remove copy</source>
      <translation>Remove copy</translation>
    </message>
    <message>
      <source>Remove copy {barcode}, entered by mistake? Its accession number will not be given to another copy.</source>
      <translation>Remove copy {barcode}, entered by mistake? Its accession number will not be given to another copy.</translation>
    </message>
    <message>
      <source>Copy {barcode} removed.</source>
      <translation>Copy {barcode} removed.</translation>
    </message>
  </context>
  <context>
    <name>CopyStatusActions</name>
    <message>
      <source>Copy &amp;lost…</source>
      <translation>Copy &amp;lost…</translation>
    </message>
    <message>
      <source>Copy &amp;damaged</source>
      <translation>Copy &amp;damaged</translation>
    </message>
    <message>
      <source>Copy f&amp;ound</source>
      <translation>Copy f&amp;ound</translation>
    </message>
    <message>
      <source>Mark the selected copy lost; a copy on loan closes its loan and, where the library charges for lost books, its reader is charged.</source>
      <translation>Mark the selected copy lost; a copy on loan closes its loan and, where the library charges for lost books, its reader is charged.</translation>
    </message>
    <message>
      <source>A lost or damaged copy is back: on the shelf, or kept for the next hold.</source>
      <translation>A lost or damaged copy is back: on the shelf, or kept for the next hold.</translation>
    </message>
    <message>
      <source>Copy lost</source>
      <translation>Copy lost</translation>
    </message>
    <message>
      <source>Mark copy {barcode} lost? If it is on loan, the loan is closed and stays on the reader's record.</source>
      <translation>Mark copy {barcode} lost? If it is on loan, the loan is closed and stays on the reader's record.</translation>
    </message>
  </context>
  <context>
    <name>DamagedLibrary</name>
    <message>
      <source>&amp;Restore the backup of {time}</source>
      <translation>&amp;Restore the backup of {time}</translation>
    </message>
    <message>
      <source>Newest backup of this library: {file}</source>
      <translation>Newest backup of this library: {file}</translation>
    </message>
    <message>
      <source>No backup was found in {folder}.</source>
      <translation>No backup was found in {folder}.</translation>
    </message>
    <message>
      <source>No backup of this library was found in {folder}.</source>
      <translation>No backup of this library was found in {folder}.</translation>
    </message>
    <message>
      <source>This library's identity cannot be read, so none of the backups in {folder} can be told to be its own. Choose a backup file yourself, and check that it is this library's.</source>
      <translation>This library's identity cannot be read, so none of the backups in {folder} can be told to be its own. Choose a backup file yourself, and check that it is this library's.</translation>
    </message>
    <message>
      <source>{count} backup(s) of other libraries in this folder are not offered.</source>
      <translation>{count} backup(s) of other libraries in this folder are not offered.</translation>
    </message>
    <message>
      <source>&amp;Choose a backup file…</source>
      <translation>&amp;Choose a backup file…</translation>
    </message>
    <message>
      <source>&amp;Quit</source>
      <translation>&amp;Quit</translation>
    </message>
    <message>
      <source>Backup file</source>
      <translation>Backup file</translation>
    </message>
    <message>
      <source>ThuVien backups (*.sqlite3)</source>
      <translation>ThuVien backups (*.sqlite3)</translation>
    </message>
    <message>
      <source>The library was restored from {backup}. The damaged file was kept as {kept}.</source>
      <translation>The library was restored from {backup}. The damaged file was kept as {kept}.</translation>
    </message>
    <message>
      <source>{file} is a backup of another library, not of this one. Restoring it would put that library's books and readers in place of this library's. Restore it anyway?</source>
      <translation>{file} is a backup of another library, not of this one. Restoring it would put that library's books and readers in place of this library's. Restore it anyway?</translation>
    </message>
  </context>
  <context>
    <name>DeskDebts</name>
    <message>
      <source>{date} · “{title}” ({barcode}) — lost, to replace: {amount}</source>
      <translation>{date} · “{title}” ({barcode}) — lost, to replace: {amount}</translation>
    </message>
    <message>
      <source>{date} · “{title}” ({barcode}) — {days} days late: {amount}</source>
      <translation>{date} · “{title}” ({barcode}) — {days} days late: {amount}</translation>
    </message>
    <message>
      <source>paid {paid}, still owed {owed}</source>
      <translation>paid {paid}, still owed {owed}</translation>
    </message>
  </context>
  <context>
    <name>DeskView</name>
    <message>
      <source>Scan a library card or a book…</source>
      <extracomment>How long the desk waits for the second F9 that confirms a lost book. Below this width (a 1024 px screen, beside the navigation) the session list goes under the patron, across the desk: beside it, it was 120 px wide and each answer took 5-9 lines.</extracomment>
      <translation>Scan a library card or a book…</translation>
    </message>
    <message>
      <source>F2 Automatic</source>
      <translation>F2 Automatic</translation>
    </message>
    <message>
      <source>F3 Check out</source>
      <translation>F3 Check out</translation>
    </message>
    <message>
      <source>F4 Check in</source>
      <translation>F4 Check in</translation>
    </message>
    <message>
      <source>F11 Read here</source>
      <translation>F11 Read here</translation>
    </message>
    <message>
      <source>Stop (back to the ordinary desk)</source>
      <translation>Stop (back to the ordinary desk)</translation>
    </message>
    <message>
      <source>Time</source>
      <translation>Time</translation>
    </message>
    <message>
      <source>Code</source>
      <translation>Code</translation>
    </message>
    <message>
      <source>Result</source>
      <translation>Result</translation>
    </message>
    <message>
      <source>This session</source>
      <translation>This session</translation>
    </message>
    <message>
      <source>F2 automatic · F3 check out · F4 check in · F11 read here · F5 renew · F6 print loan slip · F7 camera · F9 book lost · F10 renew card · F12 visitor without a card · ↑↓ choose a loan · Esc clear patron</source>
      <translation>F2 automatic · F3 check out · F4 check in · F11 read here · F5 renew · F6 print loan slip · F7 camera · F9 book lost · F10 renew card · F12 visitor without a card · ↑↓ choose a loan · Esc clear patron</translation>
    </message>
    <message>
      <source>F8 Overdue letters…</source>
      <translation>F8 Overdue letters…</translation>
    </message>
    <message>
      <source>Ctrl+T Take payment…</source>
      <translation>Ctrl+T Take payment…</translation>
    </message>
    <message>
      <source>Ready. Scan a library card, then the books.</source>
      <translation>Ready. Scan a library card, then the books.</translation>
    </message>
    <message>
      <source>{name} is still the current patron from the last session: books scanned now are lent to them. Esc clears the patron.</source>
      <translation>{name} is still the current patron from the last session: books scanned now are lent to them. Esc clears the patron.</translation>
    </message>
    <message>
      <source>Unexpected error: {error}</source>
      <translation>Unexpected error: {error}</translation>
    </message>
    <message>
      <source>Nothing to renew: select a loan or scan the book first.</source>
      <translation>Nothing to renew: select a loan or scan the book first.</translation>
    </message>
    <message>
      <source>Nothing to mark lost: select a loan or scan the book first.</source>
      <translation>Nothing to mark lost: select a loan or scan the book first.</translation>
    </message>
    <message>
      <source>Mark {barcode} lost? Press F9 again to confirm; scan or Esc to cancel.</source>
      <translation>Mark {barcode} lost? Press F9 again to confirm; scan or Esc to cancel.</translation>
    </message>
    <message>
      <source>Scan a library card first: F10 renews the card of the current patron.</source>
      <translation>Scan a library card first: F10 renews the card of the current patron.</translation>
    </message>
    <message>
      <source>Renewed the card {card} of {name} until {date}.</source>
      <translation>Renewed the card {card} of {name} until {date}.</translation>
    </message>
    <message>
      <source>Renew the card of {name} until {date}? Press F10 again to confirm; scan or Esc to cancel.</source>
      <translation>Renew the card of {name} until {date}? Press F10 again to confirm; scan or Esc to cancel.</translation>
    </message>
    <message>
      <source>Scan a library card first: Ctrl+T takes the current patron's payment.</source>
      <translation>Scan a library card first: Ctrl+T takes the current patron's payment.</translation>
    </message>
    <message>
      <source>{name} owes nothing.</source>
      <translation>{name} owes nothing.</translation>
    </message>
    <message>
      <source>Received {amount} from {name}.</source>
      <translation>Received {amount} from {name}.</translation>
    </message>
    <message>
      <source>Still owed: {amount}.</source>
      <translation>Still owed: {amount}.</translation>
    </message>
    <message>
      <source>Nothing more is owed.</source>
      <translation>Nothing more is owed.</translation>
    </message>
    <message>
      <source>Payment</source>
      <translation>Payment</translation>
    </message>
    <message>
      <source>{name}: received {amount}</source>
      <translation>{name}: received {amount}</translation>
    </message>
    <message>
      <source>Receipt</source>
      <translation>Receipt</translation>
    </message>
    <message>
      <source>Scan a student's card, then each textbook handed to them.</source>
      <translation>Scan a student's card, then each textbook handed to them.</translation>
    </message>
    <message>
      <source>Back to the ordinary desk.</source>
      <translation>Back to the ordinary desk.</translation>
    </message>
    <message>
      <source>Handing out textbooks to class {name} (due {due}): every copy scanned goes to the student whose card was scanned last; books outside the set are refused.</source>
      <translation>Handing out textbooks to class {name} (due {due}): every copy scanned goes to the student whose card was scanned last; books outside the set are refused.</translation>
    </message>
    <message>
      <source>{barcode} is not marked lost.</source>
      <translation>{barcode} is not marked lost.</translation>
    </message>
    <message>
      <source>The card is not renewed.</source>
      <translation>The card is not renewed.</translation>
    </message>
    <message>
      <source>Scan a library card first: the slip is for one patron.</source>
      <translation>Scan a library card first: the slip is for one patron.</translation>
    </message>
    <message>
      <source>{name}: {count} book(s) on loan</source>
      <translation>{name}: {count} book(s) on loan</translation>
    </message>
    <message>
      <source>Loan slip</source>
      <translation>Loan slip</translation>
    </message>
    <message>
      <source>Nothing is overdue: there are no letters to print.</source>
      <translation>Nothing is overdue: there are no letters to print.</translation>
    </message>
    <message>
      <source>{classes} class(es), {patrons} patron(s) with overdue books</source>
      <translation>{classes} class(es), {patrons} patron(s) with overdue books</translation>
    </message>
    <message>
      <source>Overdue letters</source>
      <translation>Overdue letters</translation>
    </message>
    <message>
      <source>Scan a card or a book…</source>
      <translation>Scan a card or a book…</translation>
    </message>
    <message>
      <source>Stopped: this computer's date is in question — see the red strip above.</source>
      <translation>Stopped: this computer's date is in question — see the red strip above.</translation>
    </message>
  </context>
  <context>
    <name>DistrictPicker</name>
    <message>
      <source>District union catalog</source>
      <translation>District union catalog</translation>
    </message>
    <message>
      <source>Searches this computer's copy of the district catalog ({count} records), so it works without the network.</source>
      <translation>Searches this computer's copy of the district catalog ({count} records), so it works without the network.</translation>
    </message>
    <message>
      <source>This computer has no copy of the district catalog yet: enroll and sync first (Settings → District sync).</source>
      <translation>This computer has no copy of the district catalog yet: enroll and sync first (Settings → District sync).</translation>
    </message>
    <message>
      <source>Title, author, ISBN, subject, publisher, series or year:2020…</source>
      <translation>Title, author, ISBN, subject, publisher, series or year:2020…</translation>
    </message>
    <message>
      <source>Title</source>
      <translation>Title</translation>
    </message>
    <message>
      <source>Author</source>
      <translation>Author</translation>
    </message>
    <message>
      <source>Year</source>
      <translation>Year</translation>
    </message>
    <message>
      <source>ISBN</source>
      <translation>ISBN</translation>
    </message>
    <message>
      <source>Held by</source>
      <translation>Held by</translation>
    </message>
    <message>
      <source>Use this record</source>
      <translation>Use this record</translation>
    </message>
    <message>
      <source>Searching…</source>
      <translation>Searching…</translation>
    </message>
    <message>
      <source>{count} found</source>
      <translation>{count} found</translation>
    </message>
  </context>
  <context>
    <name>DocumentPreviewDialog</name>
    <message>
      <source>Fit width</source>
      <translation>Fit width</translation>
    </message>
    <message>
      <source>Actual size</source>
      <translation>Actual size</translation>
    </message>
    <message>
      <source>{count} page(s)</source>
      <translation>{count} page(s)</translation>
    </message>
    <message>
      <source>The printer {name} could not be opened: check that it is switched on and connected.</source>
      <translation>The printer {name} could not be opened: check that it is switched on and connected.</translation>
    </message>
    <message>
      <source>Sent {count} page(s) to {printer}</source>
      <translation>Sent {count} page(s) to {printer}</translation>
    </message>
    <message>
      <source>&amp;Zoom</source>
      <translation>&amp;Zoom</translation>
    </message>
    <message>
      <source>&amp;Close</source>
      <translation>&amp;Close</translation>
    </message>
    <message>
      <source>&amp;Print…</source>
      <translation>&amp;Print…</translation>
    </message>
    <message>
      <source>&amp;Save PDF…</source>
      <translation>&amp;Save PDF…</translation>
    </message>
    <message>
      <source>Save PDF</source>
      <translation>Save PDF</translation>
    </message>
    <message>
      <source>PDF files (*.pdf)</source>
      <translation>PDF files (*.pdf)</translation>
    </message>
    <message>
      <source>Saving the PDF</source>
      <translation>Saving the PDF</translation>
    </message>
    <message>
      <source>Saved {file}</source>
      <translation>Saved {file}</translation>
    </message>
    <message>
      <source>Printing</source>
      <translation>Printing</translation>
    </message>
    <message>
      <source>Printing cancelled: nothing was sent to {printer}</source>
      <translation>Printing cancelled: nothing was sent to {printer}</translation>
    </message>
  </context>
  <context>
    <name>EditCopyDialog</name>
    <message>
      <source>Copy {barcode}</source>
      <translation>Copy {barcode}</translation>
    </message>
    <message>
      <source>empty: the record's classification</source>
      <translation>empty: the record's classification</translation>
    </message>
    <message>
      <source>Item type</source>
      <translation>Item type</translation>
    </message>
    <message>
      <source>Call number</source>
      <translation>Call number</translation>
    </message>
  </context>
  <context>
    <name>FilePage</name>
    <message>
      <source>1. Choose the class list</source>
      <translation>1. Choose the class list</translation>
    </message>
    <message>
      <source>A CSV or Excel (.xlsx) file with one student per row.</source>
      <translation>A CSV or Excel (.xlsx) file with one student per row.</translation>
    </message>
    <message>
      <source>e.g. 6A (when the file has no class column)</source>
      <translation>e.g. 6A (when the file has no class column)</translation>
    </message>
    <message>
      <source>Bro&amp;wse…</source>
      <translation>Bro&amp;wse…</translation>
    </message>
    <message>
      <source>F&amp;ile</source>
      <translation>F&amp;ile</translation>
    </message>
    <message>
      <source>C&amp;lass</source>
      <translation>C&amp;lass</translation>
    </message>
    <message>
      <source>School &amp;year</source>
      <translation>School &amp;year</translation>
    </message>
    <message>
      <source>Class list</source>
      <translation>Class list</translation>
    </message>
    <message>
      <source>Class lists (*.csv *.xlsx *.txt)</source>
      <translation>Class lists (*.csv *.xlsx *.txt)</translation>
    </message>
    <message>
      <source>The file does not exist.</source>
      <translation>The file does not exist.</translation>
    </message>
  </context>
  <context>
    <name>FinesPanel</name>
    <message>
      <source>Date</source>
      <translation>Date</translation>
    </message>
    <message>
      <source>Acc. no.</source>
      <translation>Acc. no.</translation>
    </message>
    <message>
      <source>Title</source>
      <translation>Title</translation>
    </message>
    <message>
      <source>For</source>
      <translation>For</translation>
    </message>
    <message>
      <source>Amount</source>
      <translation>Amount</translation>
    </message>
    <message>
      <source>Status</source>
      <translation>Status</translation>
    </message>
    <message>
      <source>&amp;Mark paid</source>
      <translation>&amp;Mark paid</translation>
    </message>
    <message>
      <source>&amp;Waive…</source>
      <translation>&amp;Waive…</translation>
    </message>
    <message>
      <source>lost book</source>
      <translation>lost book</translation>
    </message>
    <message>
      <source>{days} days late</source>
      <translation>{days} days late</translation>
    </message>
    <message>
      <source>paid {date}</source>
      <translation>paid {date}</translation>
    </message>
    <message>
      <source>waived {date} after {paid} was paid: {reason}</source>
      <translation>waived {date} after {paid} was paid: {reason}</translation>
    </message>
    <message>
      <source>waived {date}: {reason}</source>
      <translation>waived {date}: {reason}</translation>
    </message>
    <message>
      <source>paid {paid}, still owed {owed}</source>
      <translation>paid {paid}, still owed {owed}</translation>
    </message>
    <message>
      <source>not paid</source>
      <translation>not paid</translation>
    </message>
    <message>
      <source>Fines — not paid: {amount}</source>
      <translation>Fines — not paid: {amount}</translation>
    </message>
    <message>
      <source>Record that {name} paid {amount} for “{title}” ({barcode})?</source>
      <translation>Record that {name} paid {amount} for “{title}” ({barcode})?</translation>
    </message>
    <message>
      <source>Fine paid</source>
      <translation>Fine paid</translation>
    </message>
    <message>
      <source>Fine of {amount}: {status}.</source>
      <translation>Fine of {amount}: {status}.</translation>
    </message>
  </context>
  <context>
    <name>FormDialog</name>
    <message>
      <source>Discard changes?</source>
      <translation>Discard changes?</translation>
    </message>
    <message>
      <source>What you typed in this form is not saved yet. Close the form and lose it?</source>
      <translation>What you typed in this form is not saved yet. Close the form and lose it?</translation>
    </message>
  </context>
  <context>
    <name>HoldDialog</name>
    <message>
      <source>Holds — {title}</source>
      <translation>Holds — {title}</translation>
    </message>
    <message>
      <source>Scan or type the reader's card, then Enter</source>
      <translation>Scan or type the reader's card, then Enter</translation>
    </message>
    <message>
      <source>No.</source>
      <translation>No.</translation>
    </message>
    <message>
      <source>Reader</source>
      <translation>Reader</translation>
    </message>
    <message>
      <source>Class</source>
      <translation>Class</translation>
    </message>
    <message>
      <source>Status</source>
      <translation>Status</translation>
    </message>
    <message>
      <source>Nobody is waiting for this book.</source>
      <translation>Nobody is waiting for this book.</translation>
    </message>
    <message>
      <source>&amp;Cancel the selected hold</source>
      <translation>&amp;Cancel the selected hold</translation>
    </message>
    <message>
      <source>&amp;Close</source>
      <translation>&amp;Close</translation>
    </message>
    <message>
      <source>Reader's card</source>
      <translation>Reader's card</translation>
    </message>
    <message>
      <source>copy kept until {day}</source>
      <translation>copy kept until {day}</translation>
    </message>
    <message>
      <source>waiting</source>
      <translation>waiting</translation>
    </message>
  </context>
  <context>
    <name>ImportReportDialog</name>
    <message>
      <source>MARC import</source>
      <translation>MARC import</translation>
    </message>
    <message>
      <source>Imported {imported} record(s), merged {merged}, added {items} copies; {skipped} skipped.</source>
      <translation>Imported {imported} record(s), merged {merged}, added {items} copies; {skipped} skipped.</translation>
    </message>
    <message>
      <source>Stopped by you.</source>
      <translation>Stopped by you.</translation>
    </message>
    <message>
      <source>{count} holdings of other libraries (a union catalog's 852 fields, without accession numbers) were not made copies of this library.</source>
      <translation>{count} holdings of other libraries (a union catalog's 852 fields, without accession numbers) were not made copies of this library.</translation>
    </message>
    <message>
      <source>{count} copies not added: their accession number is already on another book.</source>
      <translation>{count} copies not added: their accession number is already on another book.</translation>
    </message>
    <message>
      <source>Record {number} (byte {offset}): {reason}</source>
      <translation>Record {number} (byte {offset}): {reason}</translation>
    </message>
    <message>
      <source>Copies left out:</source>
      <translation>Copies left out:</translation>
    </message>
    <message>
      <source>Copy of record {number} (byte {offset}): {reason}</source>
      <translation>Copy of record {number} (byte {offset}): {reason}</translation>
    </message>
    <message>
      <source>Records left out:</source>
      <translation>Records left out:</translation>
    </message>
  </context>
  <context>
    <name>ImportWizard</name>
    <message>
      <source>Import a class list</source>
      <translation>Import a class list</translation>
    </message>
    <message>
      <source>Checking the class list</source>
      <translation>Checking the class list</translation>
    </message>
    <message>
      <source>Importing the class list</source>
      <translation>Importing the class list</translation>
    </message>
    <message>
      <source>Full name</source>
      <translation>Full name</translation>
    </message>
    <message>
      <source>Family and middle name</source>
      <translation>Family and middle name</translation>
    </message>
    <message>
      <source>Given name</source>
      <translation>Given name</translation>
    </message>
    <message>
      <source>Class</source>
      <translation>Class</translation>
    </message>
    <message>
      <source>Date of birth</source>
      <translation>Date of birth</translation>
    </message>
    <message>
      <source>Day of birth</source>
      <translation>Day of birth</translation>
    </message>
    <message>
      <source>Month of birth</source>
      <translation>Month of birth</translation>
    </message>
    <message>
      <source>Year of birth</source>
      <translation>Year of birth</translation>
    </message>
    <message>
      <source>Student code</source>
      <translation>Student code</translation>
    </message>
    <message>
      <source>Gender</source>
      <translation>Gender</translation>
    </message>
    <message>
      <source>Girls marked (x)</source>
      <translation>Girls marked (x)</translation>
    </message>
    <message>
      <source>Phone</source>
      <translation>Phone</translation>
    </message>
    <message>
      <source>Email</source>
      <translation>Email</translation>
    </message>
    <message>
      <source>Address</source>
      <translation>Address</translation>
    </message>
    <message>
      <source>Note</source>
      <translation>Note</translation>
    </message>
    <message>
      <source>Card</source>
      <translation>Card</translation>
    </message>
    <message>
      <source>School year</source>
      <translation>School year</translation>
    </message>
    <message>
      <source>Category</source>
      <translation>Category</translation>
    </message>
    <message>
      <source>(ignore)</source>
      <translation>(ignore)</translation>
    </message>
    <message>
      <source>(not used)</source>
      <translation>(not used)</translation>
    </message>
  </context>
  <context>
    <name>LabelsDialog</name>
    <message>
      <source>Patron cards</source>
      <translation>Patron cards</translation>
    </message>
    <message>
      <source>Print labels</source>
      <translation>Print labels</translation>
    </message>
    <message>
      <source>Desk sheet (names and barcodes)</source>
      <translation>Desk sheet (names and barcodes)</translation>
    </message>
    <message>
      <source>Barcode labels</source>
      <translation>Barcode labels</translation>
    </message>
    <message>
      <source>Spine labels</source>
      <translation>Spine labels</translation>
    </message>
    <message>
      <source>Barcode and spine together</source>
      <translation>Barcode and spine together</translation>
    </message>
    <message>
      <source>Draw label outlines (test print on plain paper)</source>
      <translation>Draw label outlines (test print on plain paper)</translation>
    </message>
    <message>
      <source>Class {name}</source>
      <translation>Class {name}</translation>
    </message>
    <message>
      <source>Only {name}</source>
      <translation>Only {name}</translation>
    </message>
    <message>
      <source>What</source>
      <translation>What</translation>
    </message>
    <message>
      <source>Sheet</source>
      <translation>Sheet</translation>
    </message>
    <message>
      <source>Start at label</source>
      <translation>Start at label</translation>
    </message>
    <message>
      <source>Printer offset across</source>
      <translation>Printer offset across</translation>
    </message>
    <message>
      <source>Printer offset down</source>
      <translation>Printer offset down</translation>
    </message>
    <message>
      <source>Calibration page (plain paper)</source>
      <translation>Calibration page (plain paper)</translation>
    </message>
    <message>
      <source>On a partly used sheet: the first free label, counted left to right, top to bottom</source>
      <translation>On a partly used sheet: the first free label, counted left to right, top to bottom</translation>
    </message>
    <message>
      <source>(no printer installed: save a PDF)</source>
      <translation>(no printer installed: save a PDF)</translation>
    </message>
    <message>
      <source>Positive moves the print right</source>
      <translation>Positive moves the print right</translation>
    </message>
    <message>
      <source>Positive moves the print down</source>
      <translation>Positive moves the print down</translation>
    </message>
    <message>
      <source>Printer</source>
      <translation>Printer</translation>
    </message>
    <message>
      <source>&amp;Preview…</source>
      <translation>&amp;Preview…</translation>
    </message>
    <message>
      <source>Pr&amp;int</source>
      <translation>Pr&amp;int</translation>
    </message>
    <message>
      <source>Save &amp;job file…</source>
      <translation>Save &amp;job file…</translation>
    </message>
    <message>
      <source>{per} labels a sheet ({columns} across, {rows} down), each {width} × {height} mm</source>
      <translation>{per} labels a sheet ({columns} across, {rows} down), each {width} × {height} mm</translation>
    </message>
    <message>
      <source>Laying out the labels</source>
      <translation>Laying out the labels</translation>
    </message>
    <message>
      <source>Sheets of labels (A4 printer)</source>
      <translation>Sheets of labels (A4 printer)</translation>
    </message>
    <message>
      <source>Thermal label printer (roll)</source>
      <translation>Thermal label printer (roll)</translation>
    </message>
    <message>
      <source>Cards for</source>
      <translation>Cards for</translation>
    </message>
    <message>
      <source>Print on</source>
      <translation>Print on</translation>
    </message>
    <message>
      <source>Sending to the printer</source>
      <translation>Sending to the printer</translation>
    </message>
    <message>
      <source>Sent {count} label(s) to {printer}.</source>
      <translation>Sent {count} label(s) to {printer}.</translation>
    </message>
    <message>
      <source>Save job file</source>
      <translation>Save job file</translation>
    </message>
    <message>
      <source>Printer jobs (*.{suffix})</source>
      <translation>Printer jobs (*.{suffix})</translation>
    </message>
    <message>
      <source>Saving the job</source>
      <translation>Saving the job</translation>
    </message>
    <message>
      <source>Saved {count} label(s) to {file}.</source>
      <translation>Saved {count} label(s) to {file}.</translation>
    </message>
    <message>
      <source>(no printer installed: type its name, or save the job file)</source>
      <translation>(no printer installed: type its name, or save the job file)</translation>
    </message>
    <message>
      <source>{count} label(s) from label {start}</source>
      <translation>{count} label(s) from label {start}</translation>
    </message>
    <message>
      <source> (the grey ones are already used)</source>
      <translation> (the grey ones are already used)</translation>
    </message>
  </context>
  <context>
    <name>LibraryStatusBar</name>
    <message>
      <source>Database: {path}</source>
      <translation>Database: {path}</translation>
    </message>
    <message>
      <source>Records up to {date}, after this computer's date</source>
      <translation>Records up to {date}, after this computer's date</translation>
    </message>
    <message>
      <source>Wrong date on this computer: {date}</source>
      <translation>Wrong date on this computer: {date}</translation>
    </message>
    <message>
      <source>Changes not yet sent: {count}</source>
      <translation>Changes not yet sent: {count}</translation>
    </message>
    <message>
      <source>Automatic backup failed: {reason}</source>
      <translation>Automatic backup failed: {reason}</translation>
    </message>
    <message>
      <source>Sync: offline, will try again</source>
      <translation>Sync: offline, will try again</translation>
    </message>
    <message>
      <source>Sync: offline for {days} days (last success {time})</source>
      <translation>Sync: offline for {days} days (last success {time})</translation>
    </message>
    <message>
      <source>Sync: offline (last success {time})</source>
      <translation>Sync: offline (last success {time})</translation>
    </message>
    <message>
      <source>Sync: failed, wrong date on this computer</source>
      <translation>Sync: failed, wrong date on this computer</translation>
    </message>
    <message>
      <source>Sync: failed (last success {time})</source>
      <translation>Sync: failed (last success {time})</translation>
    </message>
    <message>
      <source>Sync: failed</source>
      <translation>Sync: failed</translation>
    </message>
    <message>
      <source>Sync: last {time}</source>
      <translation>Sync: last {time}</translation>
    </message>
    <message>
      <source>Sync: not set up</source>
      <translation>Sync: not set up</translation>
    </message>
    <message>
      <source>Automatic backup failed (Tools → Backups)</source>
      <translation>Automatic backup failed (Tools → Backups)</translation>
    </message>
    <message>
      <source>Sync: never</source>
      <translation>Sync: never</translation>
    </message>
  </context>
  <context>
    <name>LoansPanel</name>
    <message>
      <source>Acc. no.</source>
      <translation>Acc. no.</translation>
    </message>
    <message>
      <source>Title</source>
      <translation>Title</translation>
    </message>
    <message>
      <source>Lent on</source>
      <translation>Lent on</translation>
    </message>
    <message>
      <source>Due</source>
      <translation>Due</translation>
    </message>
    <message>
      <source>Re&amp;new</source>
      <translation>Re&amp;new</translation>
    </message>
    <message>
      <source>On loan: {count}</source>
      <translation>On loan: {count}</translation>
    </message>
    <message>
      <source>{count} overdue</source>
      <translation>{count} overdue</translation>
    </message>
    <message>
      <source>({days} days late)</source>
      <translation>({days} days late)</translation>
    </message>
    <message>
      <source>“{title}” is kept for them until {day}</source>
      <translation>“{title}” is kept for them until {day}</translation>
    </message>
    <message>
      <source>“{title}” (number {position} in the queue)</source>
      <translation>“{title}” (number {position} in the queue)</translation>
    </message>
    <message>
      <source>Waiting for: {titles}</source>
      <translation>Waiting for: {titles}</translation>
    </message>
  </context>
  <context>
    <name>MainWindow</name>
    <message>
      <source>Desk</source>
      <translation>Desk</translation>
    </message>
    <message>
      <source>Catalog</source>
      <translation>Catalog</translation>
    </message>
    <message>
      <source>Patrons</source>
      <translation>Patrons</translation>
    </message>
    <message>
      <source>Settings</source>
      <translation>Settings</translation>
    </message>
    <message>
      <source>Stocktake</source>
      <translation>Stocktake</translation>
    </message>
    <message>
      <source>Reports</source>
      <translation>Reports</translation>
    </message>
    <message>
      <source>&amp;File</source>
      <translation>&amp;File</translation>
    </message>
    <message>
      <source>&amp;Quit</source>
      <translation>&amp;Quit</translation>
    </message>
    <message>
      <source>&amp;Tools</source>
      <translation>&amp;Tools</translation>
    </message>
    <message>
      <source>Print &amp;labels…</source>
      <translation>Print &amp;labels…</translation>
    </message>
    <message>
      <source>&amp;Sync with the district now</source>
      <translation>&amp;Sync with the district now</translation>
    </message>
    <message>
      <source>Syncing with the district…</source>
      <translation>Syncing with the district…</translation>
    </message>
    <message>
      <source>Stopping the sync…</source>
      <translation>Stopping the sync…</translation>
    </message>
    <message>
      <source>Unexpected error: {error}</source>
      <translation>Unexpected error: {error}</translation>
    </message>
    <message>
      <source>ThuVien is already open on this library ({path}): use that window.</source>
      <translation>ThuVien is already open on this library ({path}): use that window.</translation>
    </message>
  </context>
  <context>
    <name>PatronDialog</name>
    <message>
      <source>Edit patron</source>
      <translation>Edit patron</translation>
    </message>
    <message>
      <source>New patron</source>
      <translation>New patron</translation>
    </message>
    <message>
      <source>Student</source>
      <translation>Student</translation>
    </message>
    <message>
      <source>Teacher</source>
      <translation>Teacher</translation>
    </message>
    <message>
      <source>Staff</source>
      <translation>Staff</translation>
    </message>
    <message>
      <source>Community</source>
      <translation>Community</translation>
    </message>
    <message>
      <source>dd/mm/yyyy</source>
      <translation>dd/mm/yyyy</translation>
    </message>
    <message>
      <source>Male</source>
      <translation>Male</translation>
    </message>
    <message>
      <source>Female</source>
      <translation>Female</translation>
    </message>
    <message>
      <source>Empty: the next card number</source>
      <translation>Empty: the next card number</translation>
    </message>
    <message>
      <source>dd/mm/yyyy — empty: no expiry</source>
      <translation>dd/mm/yyyy — empty: no expiry</translation>
    </message>
    <message>
      <source>Choose photo…</source>
      <translation>Choose photo…</translation>
    </message>
    <message>
      <source>Remove photo</source>
      <translation>Remove photo</translation>
    </message>
    <message>
      <source>Full name *</source>
      <translation>Full name *</translation>
    </message>
    <message>
      <source>Category</source>
      <translation>Category</translation>
    </message>
    <message>
      <source>Class</source>
      <translation>Class</translation>
    </message>
    <message>
      <source>Student code</source>
      <translation>Student code</translation>
    </message>
    <message>
      <source>Date of birth</source>
      <translation>Date of birth</translation>
    </message>
    <message>
      <source>Gender</source>
      <translation>Gender</translation>
    </message>
    <message>
      <source>Card</source>
      <translation>Card</translation>
    </message>
    <message>
      <source>Card valid until</source>
      <translation>Card valid until</translation>
    </message>
    <message>
      <source>Status</source>
      <translation>Status</translation>
    </message>
    <message>
      <source>Phone</source>
      <translation>Phone</translation>
    </message>
    <message>
      <source>Address</source>
      <translation>Address</translation>
    </message>
    <message>
      <source>Note</source>
      <translation>Note</translation>
    </message>
    <message>
      <source>Photo</source>
      <translation>Photo</translation>
    </message>
    <message>
      <source>Choose photo</source>
      <translation>Choose photo</translation>
    </message>
    <message>
      <source>Images (*.jpg *.jpeg *.png)</source>
      <translation>Images (*.jpg *.jpeg *.png)</translation>
    </message>
    <message>
      <source>The photo is too large (at most 2 MB).</source>
      <translation>The photo is too large (at most 2 MB).</translation>
    </message>
    <message>
      <source>No photo</source>
      <translation>No photo</translation>
    </message>
  </context>
  <context>
    <name>PatronPanel</name>
    <message>
      <source>Acc. no.</source>
      <translation>Acc. no.</translation>
    </message>
    <message>
      <source>Title</source>
      <translation>Title</translation>
    </message>
    <message>
      <source>Loaned</source>
      <translation>Loaned</translation>
    </message>
    <message>
      <source>Due</source>
      <translation>Due</translation>
    </message>
    <message>
      <source>Holds</source>
      <translation>Holds</translation>
    </message>
    <message>
      <source>No photo</source>
      <translation>No photo</translation>
    </message>
    <message>
      <source>No patron selected</source>
      <translation>No patron selected</translation>
    </message>
    <message>
      <source>Scan a library card to begin.</source>
      <translation>Scan a library card to begin.</translation>
    </message>
    <message>
      <source>Loans</source>
      <translation>Loans</translation>
    </message>
    <message>
      <source>Class {name}</source>
      <translation>Class {name}</translation>
    </message>
    <message>
      <source>Card {card}</source>
      <translation>Card {card}</translation>
    </message>
    <message>
      <source>CARD EXPIRED (valid until {date}) — F10 renews it</source>
      <translation>CARD EXPIRED (valid until {date}) — F10 renews it</translation>
    </message>
    <message>
      <source>card valid until {date} ({days} days left)</source>
      <translation>card valid until {date} ({days} days left)</translation>
    </message>
    <message>
      <source>card valid until {date}</source>
      <translation>card valid until {date}</translation>
    </message>
    <message>
      <source>CARD BLOCKED</source>
      <translation>CARD BLOCKED</translation>
    </message>
    <message>
      <source>Loans: {count}</source>
      <translation>Loans: {count}</translation>
    </message>
    <message>
      <source>{count} overdue</source>
      <translation>{count} overdue</translation>
    </message>
    <message>
      <source>({days} days late)</source>
      <translation>({days} days late)</translation>
    </message>
    <message>
      <source>READY: “{title}” — kept until {until}</source>
      <translation>READY: “{title}” — kept until {until}</translation>
    </message>
    <message>
      <source>Waiting: “{title}” (position {position})</source>
      <translation>Waiting: “{title}” (position {position})</translation>
    </message>
    <message>
      <source>Fines and charges not paid: {amount}</source>
      <translation>Fines and charges not paid: {amount}</translation>
    </message>
    <message>
      <source>(paid so far: {amount})</source>
      <translation>(paid so far: {amount})</translation>
    </message>
  </context>
  <context>
    <name>PatronsView</name>
    <message>
      <source>Search by name, card or student code…</source>
      <extracomment>The class list's entries for cards past their expiry / expiring within the notice days.</extracomment>
      <translation>Search by name, card or student code…</translation>
    </message>
    <message>
      <source>New &amp;patron…</source>
      <translation>New &amp;patron…</translation>
    </message>
    <message>
      <source>&amp;Edit…</source>
      <translation>&amp;Edit…</translation>
    </message>
    <message>
      <source>&amp;Import class list…</source>
      <translation>&amp;Import class list…</translation>
    </message>
    <message>
      <source>New school &amp;year…</source>
      <translation>New school &amp;year…</translation>
    </message>
    <message>
      <source>Print c&amp;ards…</source>
      <translation>Print c&amp;ards…</translation>
    </message>
    <message>
      <source>Re&amp;new cards…</source>
      <translation>Re&amp;new cards…</translation>
    </message>
    <message>
      <source>Renew (gia hạn) the card of the patron selected, or else of every patron listed, by the default card validity of their category (Settings)</source>
      <translation>Renew (gia hạn) the card of the patron selected, or else of every patron listed, by the default card validity of their category (Settings)</translation>
    </message>
    <message>
      <source>Class te&amp;xtbooks…</source>
      <translation>Class te&amp;xtbooks…</translation>
    </message>
    <message>
      <source>Lend a set of textbooks to every student of the chosen class; see what each still has at the end of the year</source>
      <translation>Lend a set of textbooks to every student of the chosen class; see what each still has at the end of the year</translation>
    </message>
    <message>
      <source>Name</source>
      <translation>Name</translation>
    </message>
    <message>
      <source>Class</source>
      <translation>Class</translation>
    </message>
    <message>
      <source>Card</source>
      <translation>Card</translation>
    </message>
    <message>
      <source>Student code</source>
      <translation>Student code</translation>
    </message>
    <message>
      <source>Date of birth</source>
      <translation>Date of birth</translation>
    </message>
    <message>
      <source>Status</source>
      <translation>Status</translation>
    </message>
    <message>
      <source>Card valid until</source>
      <translation>Card valid until</translation>
    </message>
    <message>
      <source>New patron (Ctrl+N)</source>
      <translation>New patron (Ctrl+N)</translation>
    </message>
    <message>
      <source>All patrons</source>
      <translation>All patrons</translation>
    </message>
    <message>
      <source>Cards expired ({count})</source>
      <translation>Cards expired ({count})</translation>
    </message>
    <message>
      <source>Cards expiring soon ({count})</source>
      <translation>Cards expiring soon ({count})</translation>
    </message>
    <message>
      <source>{name} ({count})</source>
      <translation>{name} ({count})</translation>
    </message>
    <message>
      <source>Graduated or left ({count})</source>
      <translation>Graduated or left ({count})</translation>
    </message>
    <message>
      <source>Students who graduated or left, by their last class</source>
      <translation>Students who graduated or left, by their last class</translation>
    </message>
    <message>
      <source>Searching patrons</source>
      <translation>Searching patrons</translation>
    </message>
    <message>
      <source>No patrons found for “{text}”. Try part of the name, the card or the student code.</source>
      <translation>No patrons found for “{text}”. Try part of the name, the card or the student code.</translation>
    </message>
    <message>
      <source>Renew cards</source>
      <translation>Renew cards</translation>
    </message>
    <message>
      <source>Renew the card {card} of {name} until {date}?</source>
      <translation>Renew the card {card} of {name} until {date}?</translation>
    </message>
    <message>
      <source>Renew the cards of the {count} patrons listed, each by the default validity of their category (until {date})?</source>
      <translation>Renew the cards of the {count} patrons listed, each by the default validity of their category (until {date})?</translation>
    </message>
  </context>
  <context>
    <name>PaymentDialog</name>
    <message>
      <source>Take a payment</source>
      <translation>Take a payment</translation>
    </message>
    <message>
      <source>{name} owes {amount}.</source>
      <translation>{name} owes {amount}.</translation>
    </message>
    <message>
      <source>Type the sum the reader brings (e.g. 10.000); the rest stays owed. The oldest debts are paid first.</source>
      <translation>Type the sum the reader brings (e.g. 10.000); the rest stays owed. The oldest debts are paid first.</translation>
    </message>
    <message>
      <source>&amp;Print a receipt</source>
      <translation>&amp;Print a receipt</translation>
    </message>
    <message>
      <source>Enter records the payment · Esc closes without recording</source>
      <translation>Enter records the payment · Esc closes without recording</translation>
    </message>
    <message>
      <source>Record payment</source>
      <translation>Record payment</translation>
    </message>
    <message>
      <source>Amount paid now (đ)</source>
      <translation>Amount paid now (đ)</translation>
    </message>
    <message>
      <source>Type the amount paid.</source>
      <translation>Type the amount paid.</translation>
    </message>
    <message>
      <source>“{text}” is not an amount of đồng (e.g. 10.000).</source>
      <translation>“{text}” is not an amount of đồng (e.g. 10.000).</translation>
    </message>
  </context>
  <context>
    <name>PreviewPage</name>
    <message>
      <source>3. Preview</source>
      <translation>3. Preview</translation>
    </message>
    <message>
      <source>Line</source>
      <translation>Line</translation>
    </message>
    <message>
      <source>Result</source>
      <translation>Result</translation>
    </message>
    <message>
      <source>Name</source>
      <translation>Name</translation>
    </message>
    <message>
      <source>Class</source>
      <translation>Class</translation>
    </message>
    <message>
      <source>Date of birth</source>
      <translation>Date of birth</translation>
    </message>
    <message>
      <source>Gender</source>
      <translation>Gender</translation>
    </message>
    <message>
      <source>Notes</source>
      <translation>Notes</translation>
    </message>
    <message>
      <source>new</source>
      <translation>new</translation>
    </message>
    <message>
      <source>update</source>
      <translation>update</translation>
    </message>
    <message>
      <source>unchanged</source>
      <translation>unchanged</translation>
    </message>
    <message>
      <source>error</source>
      <translation>error</translation>
    </message>
    <message>
      <source>{new} new, {update} updated, {unchanged} unchanged, {error} with errors (rows with errors will be left out).</source>
      <translation>{new} new, {update} updated, {unchanged} unchanged, {error} with errors (rows with errors will be left out).</translation>
    </message>
    <message>
      <source>Male</source>
      <translation>Male</translation>
    </message>
    <message>
      <source>Female</source>
      <translation>Female</translation>
    </message>
  </context>
  <context>
    <name>ProgressDialog</name>
    <message>
      <source>Cancel</source>
      <translation>Cancel</translation>
    </message>
    <message>
      <source>{title}: {done} of {total} MB read</source>
      <translation>{title}: {done} of {total} MB read</translation>
    </message>
    <message>
      <source>{title}: {done} of {total}</source>
      <translation>{title}: {done} of {total}</translation>
    </message>
    <message>
      <source>{title}: {done}</source>
      <translation>{title}: {done}</translation>
    </message>
    <message>
      <source>Stopping…</source>
      <translation>Stopping…</translation>
    </message>
  </context>
  <context>
    <name>RecordDetail</name>
    <message>
      <source>Acc. no.</source>
      <translation>Acc. no.</translation>
    </message>
    <message>
      <source>Collection</source>
      <translation>Collection</translation>
    </message>
    <message>
      <source>Type</source>
      <translation>Type</translation>
    </message>
    <message>
      <source>Call number</source>
      <translation>Call number</translation>
    </message>
    <message>
      <source>Status</source>
      <translation>Status</translation>
    </message>
    <message>
      <source>Record</source>
      <translation>Record</translation>
    </message>
    <message>
      <source>MARC</source>
      <translation>MARC</translation>
    </message>
    <message>
      <source>Copies</source>
      <translation>Copies</translation>
    </message>
    <message>
      <source>on the shelf</source>
      <translation>on the shelf</translation>
    </message>
    <message>
      <source>on loan</source>
      <translation>on loan</translation>
    </message>
    <message>
      <source>kept for a hold</source>
      <translation>kept for a hold</translation>
    </message>
    <message>
      <source>lost</source>
      <translation>lost</translation>
    </message>
    <message>
      <source>damaged</source>
      <translation>damaged</translation>
    </message>
    <message>
      <source>withdrawn</source>
      <translation>withdrawn</translation>
    </message>
    <message>
      <source>Date received not known</source>
      <translation>Date received not known</translation>
    </message>
    <message>
      <source>Source</source>
      <translation>Source</translation>
    </message>
    <message>
      <source>Price</source>
      <translation>Price</translation>
    </message>
    <message>
      <source>Location</source>
      <translation>Location</translation>
    </message>
    <message>
      <source>Note</source>
      <translation>Note</translation>
    </message>
    <message>
      <source>Search above, then choose a record to see it here.</source>
      <translation>Search above, then choose a record to see it here.</translation>
    </message>
    <message>
      <source>Author(s)</source>
      <translation>Author(s)</translation>
    </message>
    <message>
      <source>Publisher</source>
      <translation>Publisher</translation>
    </message>
    <message>
      <source>Year</source>
      <translation>Year</translation>
    </message>
    <message>
      <source>Edition</source>
      <translation>Edition</translation>
    </message>
    <message>
      <source>ISBN</source>
      <translation>ISBN</translation>
    </message>
    <message>
      <source>Classification</source>
      <translation>Classification</translation>
    </message>
    <message>
      <source>Author mark</source>
      <translation>Author mark</translation>
    </message>
    <message>
      <source>Subjects</source>
      <translation>Subjects</translation>
    </message>
    <message>
      <source>Series</source>
      <translation>Series</translation>
    </message>
    <message>
      <source>Notes</source>
      <translation>Notes</translation>
    </message>
    <message>
      <source>Copies ({count})</source>
      <translation>Copies ({count})</translation>
    </message>
    <message>
      <source>Computed from the classification and the author mark: what the spine label prints. Edit the copy to set another.</source>
      <translation>Computed from the classification and the author mark: what the spine label prints. Edit the copy to set another.</translation>
    </message>
    <message>
      <source>Acquired {day}</source>
      <translation>Acquired {day}</translation>
    </message>
  </context>
  <context>
    <name>RecordForm</name>
    <message>
      <source>Edit record</source>
      <translation>Edit record</translation>
    </message>
    <message>
      <source>New record</source>
      <translation>New record</translation>
    </message>
    <message>
      <source>Separate several authors with ;</source>
      <translation>Separate several authors with ;</translation>
    </message>
    <message>
      <source>Scan or type; several with ;</source>
      <translation>Scan or type; several with ;</translation>
    </message>
    <message>
      <source>Separate several subjects with ;</source>
      <translation>Separate several subjects with ;</translation>
    </message>
    <message>
      <source>Copy a record from the district's union catalog (works offline)</source>
      <translation>Copy a record from the district's union catalog (works offline)</translation>
    </message>
    <message>
      <source>Title *</source>
      <translation>Title *</translation>
    </message>
    <message>
      <source>Author(s)</source>
      <translation>Author(s)</translation>
    </message>
    <message>
      <source>Publisher</source>
      <translation>Publisher</translation>
    </message>
    <message>
      <source>Place</source>
      <translation>Place</translation>
    </message>
    <message>
      <source>Year</source>
      <translation>Year</translation>
    </message>
    <message>
      <source>ISBN</source>
      <translation>ISBN</translation>
    </message>
    <message>
      <source>&amp;District catalog…</source>
      <translation>&amp;District catalog…</translation>
    </message>
    <message>
      <source>&amp;Open it to add copies</source>
      <translation>&amp;Open it to add copies</translation>
    </message>
    <message>
      <source>Classification (DDC)</source>
      <translation>Classification (DDC)</translation>
    </message>
    <message>
      <source>Subjects</source>
      <translation>Subjects</translation>
    </message>
    <message>
      <source>Series</source>
      <translation>Series</translation>
    </message>
    <message>
      <source>Notes</source>
      <translation>Notes</translation>
    </message>
    <message>
      <source>Copies to add</source>
      <translation>Copies to add</translation>
    </message>
    <message>
      <source>Collection</source>
      <translation>Collection</translation>
    </message>
    <message>
      <source>This is not a valid ISBN: check the digits.</source>
      <translation>This is not a valid ISBN: check the digits.</translation>
    </message>
    <message>
      <source>Not in this library nor in the district catalog on this PC: type the record in.</source>
      <translation>Not in this library nor in the district catalog on this PC: type the record in.</translation>
    </message>
    <message>
      <source>This library already has “{title}” ({count} copies).</source>
      <translation>This library already has “{title}” ({count} copies).</translation>
    </message>
    <message>
      <source>Filled from the district catalog: check it, choose the copies, then Save.</source>
      <translation>Filled from the district catalog: check it, choose the copies, then Save.</translation>
    </message>
    <message>
      <source>The year must be a number, e.g. 2019.</source>
      <translation>The year must be a number, e.g. 2019.</translation>
    </message>
  </context>
  <context>
    <name>ReportsView</name>
    <message>
      <source>Individual register (sổ đăng ký cá biệt)</source>
      <translation>Individual register (sổ đăng ký cá biệt)</translation>
    </message>
    <message>
      <source>General register (sổ đăng ký tổng quát)</source>
      <translation>General register (sổ đăng ký tổng quát)</translation>
    </message>
    <message>
      <source>Textbook register (sổ đăng ký SGK)</source>
      <translation>Textbook register (sổ đăng ký SGK)</translation>
    </message>
    <message>
      <source>Loan book: students (sổ mượn học sinh)</source>
      <translation>Loan book: students (sổ mượn học sinh)</translation>
    </message>
    <message>
      <source>Loan book: teachers and staff (sổ mượn giáo viên)</source>
      <translation>Loan book: teachers and staff (sổ mượn giáo viên)</translation>
    </message>
    <message>
      <source>Loan book: all readers (sổ mượn)</source>
      <translation>Loan book: all readers (sổ mượn)</translation>
    </message>
    <message>
      <source>Statistics of a period</source>
      <translation>Statistics of a period</translation>
    </message>
    <message>
      <source>Reading-room tally (phiếu thống kê lượt đọc)</source>
      <translation>Reading-room tally (phiếu thống kê lượt đọc)</translation>
    </message>
    <message>
      <source>Fines received (sổ thu tiền phạt)</source>
      <translation>Fines received (sổ thu tiền phạt)</translation>
    </message>
    <message>
      <source>Annual report of a school year (báo cáo năm học)</source>
      <translation>Annual report of a school year (báo cáo năm học)</translation>
    </message>
    <message>
      <source>List of copies written off (danh sách sách thanh lý)</source>
      <translation>List of copies written off (danh sách sách thanh lý)</translation>
    </message>
    <message>
      <source>This school year</source>
      <translation>This school year</translation>
    </message>
    <message>
      <source>This month</source>
      <translation>This month</translation>
    </message>
    <message>
      <source>Last month</source>
      <translation>Last month</translation>
    </message>
    <message>
      <source>Everything</source>
      <translation>Everything</translation>
    </message>
    <message>
      <source>Days typed below</source>
      <translation>Days typed below</translation>
    </message>
    <message>
      <source>dd/mm/yyyy</source>
      <translation>dd/mm/yyyy</translation>
    </message>
    <message>
      <source>All collections</source>
      <translation>All collections</translation>
    </message>
    <message>
      <source>&amp;Show</source>
      <translation>&amp;Show</translation>
    </message>
    <message>
      <source>Save P&amp;DF…</source>
      <translation>Save P&amp;DF…</translation>
    </message>
    <message>
      <source>Save &amp;Excel…</source>
      <translation>Save &amp;Excel…</translation>
    </message>
    <message>
      <source>Pr&amp;int…</source>
      <translation>Pr&amp;int…</translation>
    </message>
    <message>
      <source>Choose a register and a period, then Show.</source>
      <translation>Choose a register and a period, then Show.</translation>
    </message>
    <message>
      <source>&amp;Register:</source>
      <translation>&amp;Register:</translation>
    </message>
    <message>
      <source>&amp;Period:</source>
      <translation>&amp;Period:</translation>
    </message>
    <message>
      <source>Fro&amp;m:</source>
      <translation>Fro&amp;m:</translation>
    </message>
    <message>
      <source>U&amp;ntil:</source>
      <translation>U&amp;ntil:</translation>
    </message>
    <message>
      <source>School ye&amp;ar:</source>
      <translation>School ye&amp;ar:</translation>
    </message>
    <message>
      <source>&amp;Write-off record:</source>
      <translation>&amp;Write-off record:</translation>
    </message>
    <message>
      <source>Co&amp;llection:</source>
      <translation>Co&amp;llection:</translation>
    </message>
    <message>
      <source>No write-off record yet</source>
      <translation>No write-off record yet</translation>
    </message>
    <message>
      <source>{number}, {day}: {count} copies, {value} đ</source>
      <translation>{number}, {day}: {count} copies, {value} đ</translation>
    </message>
    <message>
      <source>Making the report</source>
      <translation>Making the report</translation>
    </message>
    <message>
      <source>Cancelled: nothing was saved.</source>
      <translation>Cancelled: nothing was saved.</translation>
    </message>
    <message>
      <source>{pages} page(s), {rows} line(s)</source>
      <translation>{pages} page(s), {rows} line(s)</translation>
    </message>
    <message>
      <source>Saved {file} ({pages})</source>
      <translation>Saved {file} ({pages})</translation>
    </message>
    <message>
      <source>Save PDF</source>
      <translation>Save PDF</translation>
    </message>
    <message>
      <source>PDF files (*.pdf)</source>
      <translation>PDF files (*.pdf)</translation>
    </message>
    <message>
      <source>Save Excel</source>
      <translation>Save Excel</translation>
    </message>
    <message>
      <source>Excel workbooks (*.xlsx)</source>
      <translation>Excel workbooks (*.xlsx)</translation>
    </message>
    <message>
      <source>Printing</source>
      <translation>Printing</translation>
    </message>
    <message>
      <source>Sent {count} page(s) to {printer}</source>
      <translation>Sent {count} page(s) to {printer}</translation>
    </message>
    <message>
      <source>Printing cancelled: nothing was sent to {printer}</source>
      <translation>Printing cancelled: nothing was sent to {printer}</translation>
    </message>
    <message>
      <source>The printer {name} could not be opened: check that it is switched on and connected.</source>
      <translation>The printer {name} could not be opened: check that it is switched on and connected.</translation>
    </message>
  </context>
  <context>
    <name>RolloverDialog</name>
    <message>
      <source>New school year: move classes up</source>
      <translation>New school year: move classes up</translation>
    </message>
    <message>
      <source>Class now</source>
      <translation>Class now</translation>
    </message>
    <message>
      <source>Becomes</source>
      <translation>Becomes</translation>
    </message>
    <message>
      <source>Students</source>
      <translation>Students</translation>
    </message>
    <message>
      <source>&amp;Apply rollover</source>
      <translation>&amp;Apply rollover</translation>
    </message>
    <message>
      <source>&amp;Undo the last rollover</source>
      <translation>&amp;Undo the last rollover</translation>
    </message>
    <message>
      <source>Last grade of the school (graduates):</source>
      <translation>Last grade of the school (graduates):</translation>
    </message>
    <message>
      <source>School year {from_year} → {to_year}: {promoted} student(s) move up, {graduated} graduate.</source>
      <translation>School year {from_year} → {to_year}: {promoted} student(s) move up, {graduated} graduate.</translation>
    </message>
    <message>
      <source>graduates</source>
      <translation>graduates</translation>
    </message>
    <message>
      <source>unchanged (no grade)</source>
      <translation>unchanged (no grade)</translation>
    </message>
    <message>
      <source>The school year {year} has not ended yet (today {today}): moving up now puts every class a year ahead. Usually the rollover is done when the school year ends.</source>
      <translation>The school year {year} has not ended yet (today {today}): moving up now puts every class a year ahead. Usually the rollover is done when the school year ends.</translation>
    </message>
    <message>
      <source>&amp;Extend the cards of {count} student(s) moving up until {date}</source>
      <translation>&amp;Extend the cards of {count} student(s) moving up until {date}</translation>
    </message>
    <message>
      <source>class {name} (due {due}) goes with its students to {to}</source>
      <translation>class {name} (due {due}) goes with its students to {to}</translation>
    </message>
    <message>
      <source>class {name} (due {due}) is closed: its students graduate, the books they still have stay on their loans</source>
      <translation>class {name} (due {due}) is closed: its students graduate, the books they still have stay on their loans</translation>
    </message>
    <message>
      <source>Textbook sets still lent (textbooks usually come back at the end of the year): {sets}.</source>
      <translation>Textbook sets still lent (textbooks usually come back at the end of the year): {sets}.</translation>
    </message>
    <message>
      <source>{name} ({klass}, card {card}): {books} book(s)</source>
      <translation>{name} ({klass}, card {card}): {books} book(s)</translation>
    </message>
    <message>
      <source>… and {count} more</source>
      <translation>… and {count} more</translation>
    </message>
    <message>
      <source>{students} graduating student(s) still have {books} book(s) on loan — get them back before they leave:</source>
      <translation>{students} graduating student(s) still have {books} book(s) on loan — get them back before they leave:</translation>
    </message>
    <message>
      <source>Move every class up to the school year {year}? You can undo it afterwards.</source>
      <translation>Move every class up to the school year {year}? You can undo it afterwards.</translation>
    </message>
    <message>
      <source>Done: {promoted} moved up, {graduated} graduated.</source>
      <translation>Done: {promoted} moved up, {graduated} graduated.</translation>
    </message>
    <message>
      <source>{count} card(s) extended until {date}.</source>
      <translation>{count} card(s) extended until {date}.</translation>
    </message>
    <message>
      <source>Undo the last rollover? Every student gets back the class they had before it.</source>
      <translation>Undo the last rollover? Every student gets back the class they had before it.</translation>
    </message>
    <message>
      <source>The rollover to {year} was undone.</source>
      <translation>The rollover to {year} was undone.</translation>
    </message>
  </context>
  <context>
    <name>RulesPage</name>
    <message>
      <source>Patron category</source>
      <extracomment>The largest amount the fine-block box takes (đồng): the ceiling of every amount typed.</extracomment>
      <translation>Patron category</translation>
    </message>
    <message>
      <source>Item type</source>
      <translation>Item type</translation>
    </message>
    <message>
      <source>May borrow</source>
      <translation>May borrow</translation>
    </message>
    <message>
      <source>Days</source>
      <translation>Days</translation>
    </message>
    <message>
      <source>Fixed due date</source>
      <translation>Fixed due date</translation>
    </message>
    <message>
      <source>Max items</source>
      <translation>Max items</translation>
    </message>
    <message>
      <source>Renewals</source>
      <translation>Renewals</translation>
    </message>
    <message>
      <source>Holds</source>
      <translation>Holds</translation>
    </message>
    <message>
      <source>Fine per day (đ)</source>
      <translation>Fine per day (đ)</translation>
    </message>
    <message>
      <source>The most specific rule applies: a rule for one reader category and one item type wins over “any”. Fixed due date: 31/05 for every 31 May (textbooks), or a date such as 31/05/2026; leave it empty to count days. Fine per day: đồng for each day late; 0 means no fine.</source>
      <translation>The most specific rule applies: a rule for one reader category and one item type wins over “any”. Fixed due date: 31/05 for every 31 May (textbooks), or a date such as 31/05/2026; leave it empty to count days. Fine per day: đồng for each day late; 0 means no fine.</translation>
    </message>
    <message>
      <source>&amp;Save</source>
      <translation>&amp;Save</translation>
    </message>
    <message>
      <source>Add a &amp;rule</source>
      <translation>Add a &amp;rule</translation>
    </message>
    <message>
      <source>Re&amp;move the selected rule</source>
      <translation>Re&amp;move the selected rule</translation>
    </message>
    <message>
      <source>Restore the &amp;defaults</source>
      <translation>Restore the &amp;defaults</translation>
    </message>
    <message>
      <source>A book lost on loan costs its reader</source>
      <translation>A book lost on loan costs its reader</translation>
    </message>
    <message>
      <source> % of its price</source>
      <translation> % of its price</translation>
    </message>
    <message>
      <source>nothing</source>
      <translation>nothing</translation>
    </message>
    <message>
      <source>Charged when a copy on loan is marked lost; cancelled if it turns up before it is paid. 0: no charge (the reader brings the same book instead).</source>
      <translation>Charged when a copy on loan is marked lost; cancelled if it turns up before it is paid. 0: no charge (the reader brings the same book instead).</translation>
    </message>
    <message>
      <source>Row {row}: days, max items, renewals and the fine are whole numbers.</source>
      <translation>Row {row}: days, max items, renewals and the fine are whole numbers.</translation>
    </message>
    <message>
      <source>Refuse new loans when a reader's unpaid fines reach</source>
      <translation>Refuse new loans when a reader's unpaid fines reach</translation>
    </message>
    <message>
      <source>never</source>
      <translation>never</translation>
    </message>
    <message>
      <source>Select a rule first.</source>
      <translation>Select a rule first.</translation>
    </message>
    <message>
      <source>Row {row}: “{text}” is not a date (31/05 or 31/05/2026).</source>
      <translation>Row {row}: “{text}” is not a date (31/05 or 31/05/2026).</translation>
    </message>
    <message>
      <source>Two rows are for the same reader category and item type; keep one.</source>
      <translation>Two rows are for the same reader category and item type; keep one.</translation>
    </message>
    <message>
      <source>Row {row}: {reason}</source>
      <translation>Row {row}: {reason}</translation>
    </message>
    <message>
      <source>Saved.</source>
      <translation>Saved.</translation>
    </message>
    <message>
      <source>The default rules are back.</source>
      <translation>The default rules are back.</translation>
    </message>
  </context>
  <context>
    <name>SelectionBox</name>
    <message>
      <source>The copies of this record</source>
      <translation>The copies of this record</translation>
    </message>
    <message>
      <source>Copies added since a date</source>
      <translation>Copies added since a date</translation>
    </message>
    <message>
      <source>An accession-number range</source>
      <translation>An accession-number range</translation>
    </message>
    <message>
      <source>Every copy of a catalog search</source>
      <translation>Every copy of a catalog search</translation>
    </message>
    <message>
      <source>Title, author, subject…</source>
      <translation>Title, author, subject…</translation>
    </message>
    <message>
      <source>Which copies</source>
      <translation>Which copies</translation>
    </message>
    <message>
      <source>Added on or after</source>
      <translation>Added on or after</translation>
    </message>
    <message>
      <source>Accession numbers</source>
      <translation>Accession numbers</translation>
    </message>
    <message>
      <source>Search</source>
      <translation>Search</translation>
    </message>
    <message>
      <source>Counting…</source>
      <translation>Counting…</translation>
    </message>
    <message>
      <source>Counting the copies</source>
      <translation>Counting the copies</translation>
    </message>
    <message>
      <source>{count} copies selected</source>
      <translation>{count} copies selected</translation>
    </message>
  </context>
  <context>
    <name>SettingsView</name>
    <message>
      <source>Library</source>
      <translation>Library</translation>
    </message>
    <message>
      <source>Accession numbers</source>
      <translation>Accession numbers</translation>
    </message>
    <message>
      <source>Loan rules</source>
      <translation>Loan rules</translation>
    </message>
    <message>
      <source>Calendar</source>
      <translation>Calendar</translation>
    </message>
    <message>
      <source>Enroll with the district library</source>
      <translation>Enroll with the district library</translation>
    </message>
    <message>
      <source>District sync</source>
      <translation>District sync</translation>
    </message>
    <message>
      <source>Settings not saved</source>
      <translation>Settings not saved</translation>
    </message>
    <message>
      <source>You changed settings without pressing Save: {tabs}. Save them now?</source>
      <translation>You changed settings without pressing Save: {tabs}. Save them now?</translation>
    </message>
    <message>
      <source>Library name</source>
      <translation>Library name</translation>
    </message>
    <message>
      <source>Library code</source>
      <translation>Library code</translation>
    </message>
    <message>
      <source>School year</source>
      <translation>School year</translation>
    </message>
    <message>
      <source>Library id: {id}</source>
      <translation>Library id: {id}</translation>
    </message>
    <message>
      <source>Saved.</source>
      <translation>Saved.</translation>
    </message>
    <message>
      <source>Collection code</source>
      <translation>Collection code</translation>
    </message>
    <message>
      <source>Prefix</source>
      <translation>Prefix</translation>
    </message>
    <message>
      <source>Digits</source>
      <translation>Digits</translation>
    </message>
    <message>
      <source>Collection name</source>
      <translation>Collection name</translation>
    </message>
    <message>
      <source>&amp;Save</source>
      <translation>&amp;Save</translation>
    </message>
    <message>
      <source>Acc. numbers</source>
      <translation>Acc. numbers</translation>
    </message>
    <message>
      <source>Desk, language</source>
      <translation>Desk, language</translation>
    </message>
    <message>
      <source>Reader cards</source>
      <translation>Reader cards</translation>
    </message>
    <message>
      <source>Enter or Ctrl+S saves too</source>
      <translation>Enter or Ctrl+S saves too</translation>
    </message>
    <message>
      <source>&amp;Add a collection</source>
      <translation>&amp;Add a collection</translation>
    </message>
    <message>
      <source>Example: code TK, prefix “TK.”, 5 digits → TK.00001, TK.00002…</source>
      <translation>Example: code TK, prefix “TK.”, 5 digits → TK.00001, TK.00002…</translation>
    </message>
    <message>
      <source>Closed every week</source>
      <translation>Closed every week</translation>
    </message>
    <message>
      <source>Mon</source>
      <translation>Mon</translation>
    </message>
    <message>
      <source>Tue</source>
      <translation>Tue</translation>
    </message>
    <message>
      <source>Wed</source>
      <translation>Wed</translation>
    </message>
    <message>
      <source>Thu</source>
      <translation>Thu</translation>
    </message>
    <message>
      <source>Fri</source>
      <translation>Fri</translation>
    </message>
    <message>
      <source>Sat</source>
      <translation>Sat</translation>
    </message>
    <message>
      <source>Sun</source>
      <translation>Sun</translation>
    </message>
    <message>
      <source>Closed periods (holidays, Tết, summer)</source>
      <translation>Closed periods (holidays, Tết, summer)</translation>
    </message>
    <message>
      <source>e.g. Tết</source>
      <translation>e.g. Tết</translation>
    </message>
    <message>
      <source>&amp;Add</source>
      <translation>&amp;Add</translation>
    </message>
    <message>
      <source>&amp;Remove selected</source>
      <translation>&amp;Remove selected</translation>
    </message>
    <message>
      <source>From</source>
      <translation>From</translation>
    </message>
    <message>
      <source>to</source>
      <translation>to</translation>
    </message>
    <message>
      <source>Automatic (on loan → check in, else check out)</source>
      <translation>Automatic (on loan → check in, else check out)</translation>
    </message>
    <message>
      <source>Check out only</source>
      <translation>Check out only</translation>
    </message>
    <message>
      <source>Check in only</source>
      <translation>Check in only</translation>
    </message>
    <message>
      <source>In-library reading (each copy scanned is counted)</source>
      <translation>In-library reading (each copy scanned is counted)</translation>
    </message>
    <message>
      <source>Desk mode at start</source>
      <translation>Desk mode at start</translation>
    </message>
    <message>
      <source>Language</source>
      <translation>Language</translation>
    </message>
    <message>
      <source>The language changes when ThuVien starts again.</source>
      <translation>The language changes when ThuVien starts again.</translation>
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
      <translation>Start a stocktake</translation>
    </message>
    <message>
      <source>Tick the collections and/or locations to count; tick nothing to count the whole library.</source>
      <translation>Tick the collections and/or locations to count; tick nothing to count the whole library.</translation>
    </message>
    <message>
      <source>Collections</source>
      <translation>Collections</translation>
    </message>
    <message>
      <source>Locations</source>
      <translation>Locations</translation>
    </message>
    <message>
      <source>&amp;Start</source>
      <translation>&amp;Start</translation>
    </message>
    <message>
      <source>Cancel</source>
      <translation>Cancel</translation>
    </message>
  </context>
  <context>
    <name>StocktakeView</name>
    <message>
      <source>&amp;Start a stocktake…</source>
      <translation>&amp;Start a stocktake…</translation>
    </message>
    <message>
      <source>&amp;Close the stocktake…</source>
      <translation>&amp;Close the stocktake…</translation>
    </message>
    <message>
      <source>&amp;Print the missing list…</source>
      <translation>&amp;Print the missing list…</translation>
    </message>
    <message>
      <source>&amp;Refresh the lists</source>
      <translation>&amp;Refresh the lists</translation>
    </message>
    <message>
      <source>&amp;Write-off record…</source>
      <translation>&amp;Write-off record…</translation>
    </message>
    <message>
      <source>Scan the books on the shelf, one by one…</source>
      <translation>Scan the books on the shelf, one by one…</translation>
    </message>
    <message>
      <source>Call number</source>
      <translation>Call number</translation>
    </message>
    <message>
      <source>Accession no.</source>
      <translation>Accession no.</translation>
    </message>
    <message>
      <source>Title</source>
      <translation>Title</translation>
    </message>
    <message>
      <source>Location</source>
      <translation>Location</translation>
    </message>
    <message>
      <source>Due</source>
      <translation>Due</translation>
    </message>
    <message>
      <source>Collection</source>
      <translation>Collection</translation>
    </message>
    <message>
      <source>Expected</source>
      <translation>Expected</translation>
    </message>
    <message>
      <source>Found</source>
      <translation>Found</translation>
    </message>
    <message>
      <source>On loan</source>
      <translation>On loan</translation>
    </message>
    <message>
      <source>Missing</source>
      <translation>Missing</translation>
    </message>
    <message>
      <source>Not found yet (shelf order)</source>
      <translation>Not found yet (shelf order)</translation>
    </message>
    <message>
      <source>By collection and location</source>
      <translation>By collection and location</translation>
    </message>
    <message>
      <source>No stocktake is open.</source>
      <translation>No stocktake is open.</translation>
    </message>
    <message>
      <source>Start a stocktake (Alt+S), then scan every book on the shelves. Scans are saved at once: you can stop and go on another day.</source>
      <translation>Start a stocktake (Alt+S), then scan every book on the shelves. Scans are saved at once: you can stop and go on another day.</translation>
    </message>
    <message>
      <source>Scan the books on the shelf, one by one.</source>
      <translation>Scan the books on the shelf, one by one.</translation>
    </message>
    <message>
      <source>Reading the stocktake lists</source>
      <translation>Reading the stocktake lists</translation>
    </message>
    <message>
      <source>Expected {expected} · found {found} · on loan {on_loan} · missing {missing}</source>
      <translation>Expected {expected} · found {found} · on loan {on_loan} · missing {missing}</translation>
    </message>
    <message>
      <source>Close the stocktake</source>
      <translation>Close the stocktake</translation>
    </message>
    <message>
      <source>{count} copies were not found. What should happen to them?</source>
      <translation>{count} copies were not found. What should happen to them?</translation>
    </message>
    <message>
      <source>Mark them &amp;lost</source>
      <translation>Mark them &amp;lost</translation>
    </message>
    <message>
      <source>&amp;Leave them for next time</source>
      <translation>&amp;Leave them for next time</translation>
    </message>
    <message>
      <source>Cancel</source>
      <translation>Cancel</translation>
    </message>
    <message>
      <source>Closing the stocktake</source>
      <translation>Closing the stocktake</translation>
    </message>
    <message>
      <source>Stocktake closed: expected {expected}, present {present}, on loan {on_loan}, missing {missing}, marked lost {lost}.</source>
      <translation>Stocktake closed: expected {expected}, present {present}, on loan {on_loan}, missing {missing}, marked lost {lost}.</translation>
    </message>
    <message>
      <source>Missing list</source>
      <translation>Missing list</translation>
    </message>
    <message>
      <source>{count} copies not found</source>
      <translation>{count} copies not found</translation>
    </message>
    <message>
      <source>Write-off record {number} made: {count} copies, value {value} đ.</source>
      <translation>Write-off record {number} made: {count} copies, value {value} đ.</translation>
    </message>
  </context>
  <context>
    <name>SyncPage</name>
    <message>
      <source>State</source>
      <extracomment>The enrollment fields show what is stored (filled from the status, or just enrolled).</extracomment>
      <translation>State</translation>
    </message>
    <message>
      <source>District server</source>
      <translation>District server</translation>
    </message>
    <message>
      <source>Library code</source>
      <translation>Library code</translation>
    </message>
    <message>
      <source>Last sync</source>
      <translation>Last sync</translation>
    </message>
    <message>
      <source>Changes not yet sent</source>
      <translation>Changes not yet sent</translation>
    </message>
    <message>
      <source>Last error</source>
      <translation>Last error</translation>
    </message>
    <message>
      <source>This computer's date</source>
      <translation>This computer's date</translation>
    </message>
    <message>
      <source>District catalog records here</source>
      <translation>District catalog records here</translation>
    </message>
    <message>
      <source>Sync key</source>
      <translation>Sync key</translation>
    </message>
    <message>
      <source>Sync now (Ctrl+Shift+S)</source>
      <translation>Sync now (Ctrl+Shift+S)</translation>
    </message>
    <message>
      <source>Enroll with the district library</source>
      <translation>Enroll with the district library</translation>
    </message>
    <message>
      <source>The one-time code the district gave you</source>
      <translation>The one-time code the district gave you</translation>
    </message>
    <message>
      <source>Only if the district uses its own certificate</source>
      <translation>Only if the district uses its own certificate</translation>
    </message>
    <message>
      <source>C&amp;hoose…</source>
      <translation>C&amp;hoose…</translation>
    </message>
    <message>
      <source>&amp;Enroll</source>
      <translation>&amp;Enroll</translation>
    </message>
    <message>
      <source>Server address</source>
      <translation>Server address</translation>
    </message>
    <message>
      <source>Enrollment code</source>
      <translation>Enrollment code</translation>
    </message>
    <message>
      <source>CA certificate file</source>
      <translation>CA certificate file</translation>
    </message>
    <message>
      <source>Readers' personal data</source>
      <translation>Readers' personal data</translation>
    </message>
    <message>
      <source>Send readers' names and card numbers to the district</source>
      <translation>Send readers' names and card numbers to the district</translation>
    </message>
    <message>
      <source>Off (the default): only anonymous counts leave the school, never names, card numbers or photos.</source>
      <translation>Off (the default): only anonymous counts leave the school, never names, card numbers or photos.</translation>
    </message>
    <message>
      <source>not enrolled</source>
      <translation>not enrolled</translation>
    </message>
    <message>
      <source>none</source>
      <translation>none</translation>
    </message>
    <message>
      <source>Type the server address and the enrollment code.</source>
      <translation>Type the server address and the enrollment code.</translation>
    </message>
    <message>
      <source>Enrolling…</source>
      <translation>Enrolling…</translation>
    </message>
    <message>
      <source>Enrolled as {code} — {name}. Syncing now.</source>
      <translation>Enrolled as {code} — {name}. Syncing now.</translation>
    </message>
    <message>
      <source>Syncing…</source>
      <translation>Syncing…</translation>
    </message>
    <message>
      <source>Synced: {pushed} changes sent, {kept} kept at the school (readers' details, holds, class loans), {pulled} district catalog records received.</source>
      <translation>Synced: {pushed} changes sent, {kept} kept at the school (readers' details, holds, class loans), {pulled} district catalog records received.</translation>
    </message>
    <message>
      <source>Synced: {pushed} changes sent, {pulled} district catalog records received.</source>
      <translation>Synced: {pushed} changes sent, {pulled} district catalog records received.</translation>
    </message>
    <message>
      <source>Readers' names and card numbers will be sent to the district.</source>
      <translation>Readers' names and card numbers will be sent to the district.</translation>
    </message>
    <message>
      <source>Only anonymous counts leave the school.</source>
      <translation>Only anonymous counts leave the school.</translation>
    </message>
    <message>
      <source>CA certificate</source>
      <translation>CA certificate</translation>
    </message>
    <message>
      <source>Certificates (*.pem *.crt *.cer);;All files (*)</source>
      <translation>Certificates (*.pem *.crt *.cer);;All files (*)</translation>
    </message>
  </context>
  <context>
    <name>ThermalOptions</name>
    <message>
      <source>TSPL (TSC, Xprinter and most others)</source>
      <translation>TSPL (TSC, Xprinter and most others)</translation>
    </message>
    <message>
      <source>ZPL (Zebra)</source>
      <translation>ZPL (Zebra)</translation>
    </message>
    <message>
      <source>Printer language</source>
      <translation>Printer language</translation>
    </message>
    <message>
      <source>Label width</source>
      <translation>Label width</translation>
    </message>
    <message>
      <source>Label height</source>
      <translation>Label height</translation>
    </message>
    <message>
      <source>Gap between labels</source>
      <translation>Gap between labels</translation>
    </message>
    <message>
      <source>Resolution</source>
      <translation>Resolution</translation>
    </message>
  </context>
  <context>
    <name>WaiveDialog</name>
    <message>
      <source>Waive a fine</source>
      <translation>Waive a fine</translation>
    </message>
    <message>
      <source>{name}: “{title}” ({barcode}), lost book — {amount}</source>
      <translation>{name}: “{title}” ({barcode}), lost book — {amount}</translation>
    </message>
    <message>
      <source>{name}: “{title}” ({barcode}), {days} days late — {amount}</source>
      <translation>{name}: “{title}” ({barcode}), {days} days late — {amount}</translation>
    </message>
    <message>
      <source>e.g. family in difficulty, book returned by post</source>
      <translation>e.g. family in difficulty, book returned by post</translation>
    </message>
    <message>
      <source>your name (default: the computer's login)</source>
      <translation>your name (default: the computer's login)</translation>
    </message>
    <message>
      <source>Waive</source>
      <translation>Waive</translation>
    </message>
    <message>
      <source>Reason</source>
      <translation>Reason</translation>
    </message>
    <message>
      <source>Decided by</source>
      <translation>Decided by</translation>
    </message>
  </context>
  <context>
    <name>WithdrawDialog</name>
    <message>
      <source>Withdraw copy {barcode}</source>
      <translation>Withdraw copy {barcode}</translation>
    </message>
    <message>
      <source>Copy {barcode} leaves the collection (worn out, outdated…). It stays in the catalog marked withdrawn and is no longer lent or counted.</source>
      <translation>Copy {barcode} leaves the collection (worn out, outdated…). It stays in the catalog marked withdrawn and is no longer lent or counted.</translation>
    </message>
    <message>
      <source>e.g. BB số 12/2026 (may be left empty)</source>
      <translation>e.g. BB số 12/2026 (may be left empty)</translation>
    </message>
    <message>
      <source>Write-off record</source>
      <translation>Write-off record</translation>
    </message>
    <message>
      <source>Reason</source>
      <translation>Reason</translation>
    </message>
    <message>
      <source>Withdraw</source>
      <translation>Withdraw</translation>
    </message>
  </context>
  <context>
    <name>WriteoffDialog</name>
    <message>
      <source>Write-off record</source>
      <translation>Write-off record</translation>
    </message>
    <message>
      <source>Scan or type an accession number, Enter</source>
      <translation>Scan or type an accession number, Enter</translation>
    </message>
    <message>
      <source>&amp;Number:</source>
      <translation>&amp;Number:</translation>
    </message>
    <message>
      <source>&amp;Date:</source>
      <translation>&amp;Date:</translation>
    </message>
    <message>
      <source>&amp;Reason:</source>
      <translation>&amp;Reason:</translation>
    </message>
    <message>
      <source>&amp;Approved by:</source>
      <translation>&amp;Approved by:</translation>
    </message>
    <message>
      <source>N&amp;ote:</source>
      <translation>N&amp;ote:</translation>
    </message>
    <message>
      <source>Cop&amp;ies:</source>
      <translation>Cop&amp;ies:</translation>
    </message>
    <message>
      <source>Accession no.</source>
      <translation>Accession no.</translation>
    </message>
    <message>
      <source>Title</source>
      <translation>Title</translation>
    </message>
    <message>
      <source>Collection</source>
      <translation>Collection</translation>
    </message>
    <message>
      <source>Price</source>
      <translation>Price</translation>
    </message>
    <message>
      <source>Add the copies the last stocktake did not &amp;find</source>
      <translation>Add the copies the last stocktake did not &amp;find</translation>
    </message>
    <message>
      <source>&amp;Take out of the list</source>
      <translation>&amp;Take out of the list</translation>
    </message>
    <message>
      <source>Ma&amp;ke the record</source>
      <translation>Ma&amp;ke the record</translation>
    </message>
    <message>
      <source>Then show its list of copies to &amp;print</source>
      <translation>Then show its list of copies to &amp;print</translation>
    </message>
    <message>
      <source>Cancel</source>
      <translation>Cancel</translation>
    </message>
    <message>
      <source>{barcode} is already on the list.</source>
      <translation>{barcode} is already on the list.</translation>
    </message>
    <message>
      <source>{count} copies added from the stocktake.</source>
      <translation>{count} copies added from the stocktake.</translation>
    </message>
    <message>
      <source>{count} copies, value {value} đ</source>
      <translation>{count} copies, value {value} đ</translation>
    </message>
    <message>
      <source>List of copies written off</source>
      <translation>List of copies written off</translation>
    </message>
  </context>
</TS>