"""The stocktake view (kiểm kê) and the write-off record dialog (biên bản thanh lý)."""
