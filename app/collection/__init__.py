"""The collection as a whole: stocktakes (kiểm kê) and write-off records (biên bản thanh lý).

Qt-free. :mod:`app.collection.service` is the entry (``Library.collection``);
:mod:`app.collection.registers` is what the general register reads.
"""
