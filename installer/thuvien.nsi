; ThuVien — Windows installer (NSIS 3, Unicode). Per-user: no administrator rights needed,
; because Vietnamese input methods (Unikey, EVKey) cannot type into an elevated program.
;
; Build (on Debian: apt-get install nsis) from the PyInstaller bundle made on Windows, from the
; repository root (makensis resolves relative paths from this script's folder, installer\):
;   makensis -DVERSION=0.1.0 installer\thuvien.nsi
; reads ..\dist\thuvien and writes ..\dist\ThuVien-0.1.0-setup.exe (override with -DBUNDLE=,
; -DOUTFILE=, absolute paths are safest).
;
; Installs to %LOCALAPPDATA%\Programs\ThuVien. The library itself lives elsewhere
; (%LOCALAPPDATA%\ThuVien: thuvien.sqlite3 and its backups) and the uninstaller keeps it unless
; the librarian ticks "also delete the library data" (or runs it with /DELETEDATA).

Unicode true
SetCompressor /SOLID lzma
SetCompressorDictSize 64
RequestExecutionLevel user
ManifestDPIAware true

!ifndef BUNDLE
  !define BUNDLE "..\dist\thuvien"
!endif
!ifndef VERSION
  !define VERSION "0.1.0"
!endif
!ifndef OUTFILE
  !define OUTFILE "..\dist\ThuVien-${VERSION}-setup.exe"
!endif

!define APP "ThuVien"
!define PUBLISHER "ThuVien"
!define UNINSTALL_KEY "Software\Microsoft\Windows\CurrentVersion\Uninstall\ThuVien"
!define INSTALL_KEY "Software\ThuVien\Installer"
!define QSETTINGS_KEY "Software\ThuVien\ThuVien"
!define DATA_DIR "$LOCALAPPDATA\ThuVien"

!include "MUI2.nsh"
!include "LogicLib.nsh"
!include "FileFunc.nsh"
!include "nsDialogs.nsh"
!include "x64.nsh"

Name "${APP} ${VERSION}"
OutFile "${OUTFILE}"
InstallDir "$LOCALAPPDATA\Programs\${APP}"
InstallDirRegKey HKCU "${INSTALL_KEY}" "InstallDir"
BrandingText "${APP} ${VERSION}"

!define MUI_ABORTWARNING
!define MUI_ICON "thuvien.ico"
!define MUI_UNICON "thuvien.ico"
!define MUI_LANGDLL_REGISTRY_ROOT HKCU
!define MUI_LANGDLL_REGISTRY_KEY "${INSTALL_KEY}"
!define MUI_LANGDLL_REGISTRY_VALUENAME "Language"
!define MUI_FINISHPAGE_RUN "$INSTDIR\ThuVien.exe"

!insertmacro MUI_PAGE_WELCOME
!insertmacro MUI_PAGE_DIRECTORY
!insertmacro MUI_PAGE_INSTFILES
!insertmacro MUI_PAGE_FINISH

!insertmacro MUI_UNPAGE_CONFIRM
UninstPage custom un.KeepDataPage un.KeepDataLeave
!insertmacro MUI_UNPAGE_INSTFILES

; Vietnamese first: it is the default language of the installer and of ThuVien.
!insertmacro MUI_LANGUAGE "Vietnamese"
!insertmacro MUI_LANGUAGE "English"
!insertmacro MUI_RESERVEFILE_LANGDLL

LangString ShortcutUninstall ${LANG_VIETNAMESE} "Gỡ cài đặt ThuVien"
LangString ShortcutUninstall ${LANG_ENGLISH} "Uninstall ThuVien"
LangString DesktopShortcut ${LANG_VIETNAMESE} "Tạo biểu tượng ThuVien trên màn hình nền"
LangString DesktopShortcut ${LANG_ENGLISH} "Put a ThuVien icon on the desktop"
LangString VcrtMissing ${LANG_VIETNAMESE} "Máy này chưa có Microsoft Visual C++ 2013 Runtime (x64). ThuVien vẫn chạy bình thường và vẫn đọc mã vạch bằng máy quét USB và webcam (zxing), nhưng bộ đọc dự phòng zbar cho webcam cần thư viện này.$\r$\n$\r$\nCó thể cài sau từ trang của Microsoft: vcredist_x64.exe (Visual C++ 2013)."
LangString VcrtMissing ${LANG_ENGLISH} "This PC lacks the Microsoft Visual C++ 2013 Runtime (x64). ThuVien works normally and reads barcodes from USB scanners and webcams (zxing), but the fallback webcam decoder zbar needs it.$\r$\n$\r$\nYou can install it later from Microsoft: vcredist_x64.exe (Visual C++ 2013)."
LangString NeedsWin64 ${LANG_VIETNAMESE} "ThuVien cần Windows 64-bit (Windows 10 trở lên)."
LangString NeedsWin64 ${LANG_ENGLISH} "ThuVien needs 64-bit Windows (Windows 10 or later)."
LangString StillRunning ${LANG_VIETNAMESE} "ThuVien đang mở. Hãy đóng ThuVien rồi bấm Thử lại."
LangString StillRunning ${LANG_ENGLISH} "ThuVien is running. Close it, then press Retry."
LangString KeepDataTitle ${LANG_VIETNAMESE} "Dữ liệu thư viện"
LangString KeepDataTitle ${LANG_ENGLISH} "Library data"
LangString KeepDataText ${LANG_VIETNAMESE} "Sách, bạn đọc, lượt mượn và các bản sao lưu nằm trong $\r$\n${DATA_DIR}$\r$\nMặc định chúng được GIỮ LẠI, để cài lại ThuVien là dùng tiếp được. Bản sao lưu trên USB không bao giờ bị xoá."
LangString KeepDataText ${LANG_ENGLISH} "Books, patrons, loans and backups are kept in$\r$\n${DATA_DIR}$\r$\nBy default they are KEPT, so reinstalling ThuVien carries on where you left off. Backups on USB sticks are never touched."
LangString DeleteDataBox ${LANG_VIETNAMESE} "Xoá luôn toàn bộ dữ liệu thư viện trên máy này (không thể hoàn tác)"
LangString DeleteDataBox ${LANG_ENGLISH} "Also delete all library data on this PC (cannot be undone)"
LangString DeleteDataConfirm ${LANG_VIETNAMESE} "Xoá vĩnh viễn dữ liệu thư viện trong ${DATA_DIR}?"
LangString DeleteDataConfirm ${LANG_ENGLISH} "Permanently delete the library data in ${DATA_DIR}?"

Var DeleteData
Var DeleteDataCheckbox

Function .onInit
  ${IfNot} ${RunningX64}
    MessageBox MB_OK|MB_ICONSTOP "$(NeedsWin64)"
    Abort
  ${EndIf}
  !insertmacro MUI_LANGDLL_DISPLAY
FunctionEnd

Function CheckVisualCpp2013
  ; pyzbar's libiconv.dll needs msvcr120.dll: bundled beside it (app-local) when the build
  ; machine provided it, else it must be installed system-wide.
  ${If} ${FileExists} "$INSTDIR\_internal\pyzbar\msvcr120.dll"
    Return
  ${EndIf}
  SetRegView 64
  ReadRegDWORD $0 HKLM "SOFTWARE\Microsoft\VisualStudio\12.0\VC\Runtimes\x64" "Installed"
  SetRegView lastused
  ${If} $0 == 1
    Return
  ${EndIf}
  ${DisableX64FSRedirection}
  ${If} ${FileExists} "$WINDIR\System32\msvcr120.dll"
    ${EnableX64FSRedirection}
    Return
  ${EndIf}
  ${EnableX64FSRedirection}
  MessageBox MB_OK|MB_ICONINFORMATION "$(VcrtMissing)" /SD IDOK
FunctionEnd

Section "ThuVien" SecMain
  SectionIn RO
  SetShellVarContext current
  SetOutPath "$INSTDIR"
  ; An upgrade replaces the program files only; the library data lives in ${DATA_DIR}.
  ${If} ${FileExists} "$INSTDIR\_internal\*.*"
    retry_remove:
    ClearErrors
    Delete "$INSTDIR\ThuVien.exe"
    ${If} ${Errors}
      MessageBox MB_RETRYCANCEL|MB_ICONEXCLAMATION "$(StillRunning)" /SD IDCANCEL IDRETRY retry_remove
      Abort
    ${EndIf}
    RMDir /r "$INSTDIR\_internal"
  ${EndIf}
  File /r "${BUNDLE}\*.*"
  Delete "$INSTDIR\.build-stamp"

  WriteUninstaller "$INSTDIR\Uninstall.exe"
  CreateDirectory "$SMPROGRAMS\${APP}"
  CreateShortcut "$SMPROGRAMS\${APP}\ThuVien.lnk" "$INSTDIR\ThuVien.exe"
  CreateShortcut "$SMPROGRAMS\${APP}\$(ShortcutUninstall).lnk" "$INSTDIR\Uninstall.exe"

  WriteRegStr HKCU "${INSTALL_KEY}" "InstallDir" "$INSTDIR"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "DisplayName" "${APP}"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "DisplayVersion" "${VERSION}"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "Publisher" "${PUBLISHER}"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "DisplayIcon" "$INSTDIR\ThuVien.exe"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "InstallLocation" "$INSTDIR"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "UninstallString" '"$INSTDIR\Uninstall.exe"'
  WriteRegStr HKCU "${UNINSTALL_KEY}" "QuietUninstallString" '"$INSTDIR\Uninstall.exe" /S'
  WriteRegDWORD HKCU "${UNINSTALL_KEY}" "NoModify" 1
  WriteRegDWORD HKCU "${UNINSTALL_KEY}" "NoRepair" 1
  ${GetSize} "$INSTDIR" "/S=0K" $0 $1 $2
  IntFmt $0 "0x%08X" $0
  WriteRegDWORD HKCU "${UNINSTALL_KEY}" "EstimatedSize" "$0"
  Call CheckVisualCpp2013
SectionEnd

Section /o "$(DesktopShortcut)" SecDesktop
  SetShellVarContext current
  CreateShortcut "$DESKTOP\ThuVien.lnk" "$INSTDIR\ThuVien.exe"
SectionEnd

; -- uninstaller -----------------------------------------------------------------------------

Function un.onInit
  !insertmacro MUI_UNGETLANGUAGE
  StrCpy $DeleteData 0
  ${GetParameters} $0
  ClearErrors
  ${GetOptions} $0 "/DELETEDATA" $1
  ${IfNot} ${Errors}
    StrCpy $DeleteData 1
  ${EndIf}
FunctionEnd

Function un.KeepDataPage
  !insertmacro MUI_HEADER_TEXT "$(KeepDataTitle)" ""
  nsDialogs::Create 1018
  Pop $0
  ${NSD_CreateLabel} 0 0 100% 60u "$(KeepDataText)"
  Pop $0
  ${NSD_CreateCheckbox} 0 70u 100% 14u "$(DeleteDataBox)"
  Pop $DeleteDataCheckbox
  ${If} $DeleteData == 1
    ${NSD_Check} $DeleteDataCheckbox
  ${EndIf}
  nsDialogs::Show
FunctionEnd

Function un.KeepDataLeave
  ${NSD_GetState} $DeleteDataCheckbox $0
  ${If} $0 == ${BST_CHECKED}
    MessageBox MB_YESNO|MB_ICONEXCLAMATION "$(DeleteDataConfirm)" IDYES +2
    Abort
    StrCpy $DeleteData 1
  ${Else}
    StrCpy $DeleteData 0
  ${EndIf}
FunctionEnd

Section "Uninstall"
  SetShellVarContext current
  Delete "$DESKTOP\ThuVien.lnk"
  RMDir /r "$SMPROGRAMS\${APP}"
  ; Only what the installer put there: never a recursive delete of a folder the user chose.
  RMDir /r "$INSTDIR\_internal"
  Delete "$INSTDIR\ThuVien.exe"
  Delete "$INSTDIR\thuvien-cli.exe"
  Delete "$INSTDIR\Uninstall.exe"
  RMDir "$INSTDIR"
  DeleteRegKey HKCU "${UNINSTALL_KEY}"
  DeleteRegKey HKCU "${INSTALL_KEY}"
  ${If} $DeleteData == 1
    RMDir /r "${DATA_DIR}"
    DeleteRegKey HKCU "${QSETTINGS_KEY}"
    DeleteRegKey /ifempty HKCU "Software\ThuVien"
  ${EndIf}
SectionEnd
