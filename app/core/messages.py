"""Message catalogue of the domain layer: one code, an Indonesian and an English text.

The domain layer has no Qt, so it cannot use ``tr()``; its messages live here instead and the GUI
shows ``message`` (Indonesian) or ``message_en`` by the chosen language.
"""

from __future__ import annotations

MESSAGES: dict[str, tuple[str, str]] = {
    # generic
    "required": ("Wajib diisi.", "Required."),
    "too_long": ("Terlalu panjang (maksimal {max} karakter).", "Too long (at most {max} characters)."),
    "not_text": ("Harus berupa teks.", "Must be text."),
    "control_chars": ("Mengandung karakter yang tidak diizinkan.", "Contains characters that are not allowed."),
    "invalid_choice": ("Pilihan tidak dikenal: {value}.", "Unknown choice: {value}."),
    "invalid_date": ("Tanggal tidak valid: {value}.", "Invalid date: {value}."),
    "invalid_number": ("Harus berupa angka bulat.", "Must be a whole number."),
    "out_of_range": ("Harus antara {min} dan {max}.", "Must be between {min} and {max}."),
    # NIK
    "nik_format": ("NIK harus 16 digit angka.", "NIK must be 16 digits."),
    "nik_province": ("Kode provinsi NIK ({code}) tidak dikenal.", "Unknown province code in NIK ({code})."),
    "nik_date": ("Tanggal lahir dalam NIK tidak valid (digit 7–12: {value}).",
                 "The birth date inside the NIK is not a real date (digits 7–12: {value})."),
    "nik_serial": ("Nomor urut NIK tidak boleh 0000.", "The NIK serial cannot be 0000."),
    "nik_duplicate": ("NIK sudah terdaftar atas nama {name} ({registration_number}).",
                      "NIK already registered to {name} ({registration_number})."),
    "nik_birth_mismatch": ("Tanggal lahir dalam NIK ({nik_date}) berbeda dengan tanggal lahir yang diisi ({birth_date}).",
                           "The birth date inside the NIK ({nik_date}) differs from the entered birth date ({birth_date})."),
    "nik_sex_mismatch": ("Jenis kelamin menurut NIK ({nik_sex}) berbeda dengan yang diisi ({sex}).",
                         "The sex inside the NIK ({nik_sex}) differs from the entered sex ({sex})."),
    "nik_immutable": ("NIK tidak dapat diubah setelah terdaftar.", "The NIK cannot be changed once registered."),
    # other identity
    "kk_format": ("Nomor KK harus 16 digit angka.", "The KK number must be 16 digits."),
    "phone_invalid": ("Nomor telepon tidak valid: {value}.", "Invalid phone number: {value}."),
    "email_invalid": ("Alamat email tidak valid: {value}.", "Invalid e-mail address: {value}."),
    "birth_future": ("Tanggal lahir tidak boleh di masa depan.", "The birth date cannot be in the future."),
    "age_too_young": ("Umur {age} tahun; minimal 15 tahun untuk mendaftar.", "Age {age}; the minimum to register is 15."),
    "age_too_old": ("Umur {age} tahun tidak wajar; periksa tanggal lahir.", "Age {age} is implausible; check the birth date."),
    "age_under_18": ("Umur {age} tahun; penempatan ke luar negeri minimal 18 tahun.",
                     "Age {age}; placement abroad needs at least 18."),
    "education_below_sma": ("Pendidikan {level} di bawah SMA/SMK, syarat minimal penempatan program ini.",
                            "Education {level} is below SMA/SMK, the minimum for this programme."),
    "consent_required": ("Persetujuan pemrosesan data pribadi (UU 27/2022) wajib sebelum disimpan.",
                         "Consent to personal data processing (UU 27/2022) is required before saving."),
    "rt_rw_format": ("RT/RW harus 1–3 digit angka.", "RT/RW must be 1–3 digits."),
    "kelurahan_unknown": ("Kelurahan tidak dikenal: {value}.", "Unknown kelurahan: {value}."),
    "language_duplicate": ("Bahasa {value} tercantum lebih dari sekali.", "Language {value} is listed more than once."),
    "level_unknown": ("Tingkat {level} tidak dikenal untuk {language}.", "Level {level} is unknown for {language}."),
    "experience_dates": ("Tanggal selesai sebelum tanggal mulai.", "The end date is before the start date."),
    "likely_duplicate": ("Mungkin sudah terdaftar: {name} ({registration_number}), {reason}.",
                         "Possibly registered already: {name} ({registration_number}), {reason}."),
    "unknown_field": ("Kolom tidak dikenal: {value}.", "Unknown field: {value}."),
    "not_a_list": ("Harus berupa daftar.", "Must be a list."),
    "status_unknown": ("Status tidak dikenal: {value}.", "Unknown status: {value}."),
    "status_transition": ("Status tidak dapat berpindah dari “{from_status}” ke “{to_status}”.",
                          "The status cannot move from “{from_status}” to “{to_status}”."),
    "status_blocked": ("Belum dapat berpindah dari “{from_status}” ke “{to_status}”:",
                       "Cannot move from “{from_status}” to “{to_status}” yet:"),
    # users / offices
    "office_code_format": ("Kode kantor harus berbentuk AAA-0000, misalnya SRG-0001.",
                           "The office code must look like AAA-0000, e.g. SRG-0001."),
    "username_format": ("Nama pengguna 3–32 huruf kecil, angka, titik atau garis bawah.",
                        "Username: 3–32 lower-case letters, digits, dots or underscores."),
    "username_taken": ("Nama pengguna {value} sudah dipakai.", "Username {value} is taken."),
    "password_weak": ("Kata sandi minimal 8 karakter.", "The password needs at least 8 characters."),
    "setup_done": ("Pengaturan awal sudah dilakukan.", "First-start setup has already been done."),
    "setup_needed": ("Pengaturan awal belum dilakukan.", "First-start setup has not been done yet."),
    # sign-in, roles, users
    "permission_denied": ("Peran {role} tidak berhak {action}.", "The role {role} may not {action}."),
    "wrong_credentials": ("Nama pengguna atau kata sandi salah.", "Wrong username or password."),
    "account_locked": ("Akun terkunci setelah terlalu banyak percobaan gagal. Coba lagi pukul {until} WIB.",
                       "The account is locked after too many failed tries. Try again at {until} WIB."),
    "account_inactive": ("Akun ini dinonaktifkan. Hubungi administrator.",
                         "This account is disabled. Ask an administrator."),
    "password_wrong": ("Kata sandi lama salah.", "The old password is wrong."),
    "password_same": ("Kata sandi baru harus berbeda dari yang lama.", "The new password must differ from the old one."),
    "password_is_username": ("Kata sandi tidak boleh sama dengan nama pengguna.",
                             "The password cannot be the username."),
    "user_not_found": ("Pengguna {value} tidak ditemukan.", "User {value} not found."),
    "last_admin": ("Harus tetap ada minimal satu administrator aktif.", "At least one active administrator must remain."),
    "cannot_deactivate_self": ("Anda tidak dapat menonaktifkan akun Anda sendiri.", "You cannot disable your own account."),
    # audit, personal data
    "already_anonymised": ("Pendaftar ini sudah dianonimkan.", "This applicant has already been anonymised."),
    "anonymised_read_only": ("Data pendaftar yang sudah dianonimkan tidak dapat diubah.",
                             "An anonymised applicant cannot be edited."),
    "reason_required": ("Alasan wajib diisi.", "A reason is required."),
    # import
    "import_format": ("Jenis berkas tidak didukung: {value}. Gunakan .xlsx atau .csv.",
                      "Unsupported file type: {value}. Use .xlsx or .csv."),
    "import_header_missing": ("Kolom wajib tidak ada di baris judul: {value}.",
                              "Required columns missing from the header row: {value}."),
    "import_header_duplicate": ("Kolom {value} muncul lebih dari sekali di baris judul.",
                                "Column {value} appears more than once in the header row."),
    "import_empty": ("Berkas tidak berisi data.", "The file holds no data."),
    "import_too_many_rows": ("Terlalu banyak baris (maksimal {max}).", "Too many rows (at most {max})."),
    "import_duplicate_in_file": ("NIK ini sudah ada di baris {row} berkas yang sama.",
                                 "This NIK is already on row {row} of the same file."),
    "import_cell_invalid": ("Isi sel tidak dapat dibaca: {value}.", "The cell cannot be read: {value}."),
    # backups and checks
    "backup_failed": ("Cadangan gagal dibuat: {reason}", "The backup failed: {reason}"),
    "backup_invalid": ("Berkas cadangan tidak lolos pemeriksaan: {reason}", "The backup file failed its check: {reason}"),
    "backup_not_found": ("Berkas cadangan tidak ditemukan: {value}.", "Backup file not found: {value}."),
    "backup_none": ("Belum ada cadangan yang baik.", "There is no good backup yet."),
    "restore_confirm": ("Pemulihan akan mengganti basis data saat ini. Ulangi dengan --yes untuk melanjutkan.",
                        "The restore replaces the current database. Repeat with --yes to go ahead."),
    "db_damaged": ("Basis data rusak ({detail}). Cadangan baik terakhir: {backup}.",
                   "The database is damaged ({detail}). Latest good backup: {backup}."),
    "db_missing": ("Berkas basis data tidak ada: {value}.", "The database file does not exist: {value}."),
    # records
    "applicant_not_found": ("Pendaftar tidak ditemukan.", "Applicant not found."),
    "changed_by_other": ("Data ini telah diubah oleh pengguna lain. Muat ulang lalu ulangi perubahan Anda.",
                         "This record was changed by someone else. Reload it and make your change again."),
    "json_invalid": ("Berkas JSON tidak valid: {detail}", "Invalid JSON file: {detail}"),
    "file_unreadable": ("Berkas tidak dapat dibaca: {detail}", "The file cannot be read: {detail}"),
    # storage
    "disk_full": ("Disk penuh: data tidak tersimpan. Kosongkan ruang disk lalu coba lagi.",
                  "The disk is full: nothing was saved. Free some space and try again."),
    "disk_io": ("Disk tidak dapat ditulis atau dibaca (penuh, dicabut, atau rusak): perubahan terakhir tidak "
                "tersimpan. Periksa disk lalu coba lagi.",
                "The disk could not be written or read (full, removed or failing): the last change was not "
                "saved. Check the disk and try again."),
    "db_locked": ("Basis data sedang dipakai proses lain. Coba lagi sebentar lagi.",
                  "The database is busy in another process. Try again shortly."),
    "db_readonly": ("Basis data tidak dapat ditulis (hanya-baca).", "The database cannot be written (read-only)."),
    "db_newer": ("Basis data dibuat oleh versi PMI Desk yang lebih baru ({revision}). Perbarui aplikasi.",
                 "The database was made by a newer PMI Desk ({revision}). Update the application."),
    "db_corrupt": ("Berkas basis data rusak atau bukan basis data PMI Desk. Pulihkan dari cadangan terakhir.",
                   "The database file is damaged or is not a PMI Desk database. Restore the latest backup."),
    "db_error": ("Kesalahan basis data.", "Database error."),
    # sync between offices
    "sync_self": ("Kantor ini tidak dapat bertukar paket dengan dirinya sendiri.",
                  "This office cannot exchange packets with itself."),
    "sync_peer_unknown": ("Kunci publik kantor {office} belum didaftarkan di sini (pmi-desk sync trust).",
                          "The public key of office {office} is not registered here (pmi-desk sync trust)."),
    "sync_bad_key": ("Berkas kunci tidak valid: harus kunci publik Ed25519 dari “pmi-desk sync keys”.",
                     "Invalid key file: it must be an Ed25519 public key from “pmi-desk sync keys”."),
    "sync_key_other_office": ("Berkas kunci ini milik kantor {office}, bukan {expected}.",
                              "This key file belongs to office {office}, not {expected}."),
    "sync_file_missing": ("Berkas tidak ditemukan: {file}.", "File not found: {file}."),
    "sync_not_a_packet": ("Paket ditolak: berkas rusak, terpotong, atau bukan paket sinkronisasi ({file}). "
                          "Tidak ada data yang diubah.",
                          "Packet refused: the file is damaged, truncated or not a sync packet ({file}). "
                          "Nothing was changed."),
    "sync_format": ("Paket ditolak: format {value} tidak dikenal versi aplikasi ini. Tidak ada data yang diubah.",
                    "Packet refused: this version does not know the format {value}. Nothing was changed."),
    "sync_own_packet": ("Paket ditolak: paket ini dibuat oleh kantor ini sendiri. Tidak ada data yang diubah.",
                        "Packet refused: it was made by this office itself. Nothing was changed."),
    "sync_unknown_office": ("Paket ditolak: kantor pengirim {office} tidak dikenal (kunci publiknya belum "
                            "didaftarkan). Tidak ada data yang diubah.",
                            "Packet refused: the sending office {office} is not known (its public key is not "
                            "registered). Nothing was changed."),
    "sync_bad_signature": ("Paket ditolak: tanda tangan tidak cocok dengan kunci kantor {office} (paket diubah "
                           "atau dipalsukan). Tidak ada data yang diubah.",
                           "Packet refused: the signature does not match office {office}'s key (the packet was "
                           "altered or forged). Nothing was changed."),
    "sync_wrong_recipient": ("Paket ditolak: paket ini ditujukan untuk kantor {office}, bukan kantor ini ({local}). "
                             "Tidak ada data yang diubah.",
                             "Packet refused: it is addressed to office {office}, not this office ({local}). "
                             "Nothing was changed."),
    "sync_hash_mismatch": ("Paket ditolak: isi {file} tidak cocok dengan manifesnya (rusak atau diubah). "
                           "Tidak ada data yang diubah.",
                           "Packet refused: the content of {file} does not match its manifest (damaged or "
                           "altered). Nothing was changed."),
    "sync_unknown_table": ("Paket ditolak: berisi tabel {table} yang tidak dikenal versi aplikasi ini. Perbarui "
                           "aplikasi. Tidak ada data yang diubah.",
                           "Packet refused: it carries table {table}, unknown to this version. Update the "
                           "application. Nothing was changed."),
    "sync_unknown_column": ("Paket ditolak: tabel {table} berisi kolom {column} yang tidak dikenal. Perbarui "
                            "aplikasi. Tidak ada data yang diubah.",
                            "Packet refused: table {table} carries column {column}, unknown here. Update the "
                            "application. Nothing was changed."),
    "sync_wrong_direction": ("Paket ditolak: data {table} tidak dikirim ke arah ini. Tidak ada data yang diubah.",
                             "Packet refused: {table} data does not travel this way. Nothing was changed."),
    "sync_apply_failed": ("Paket ditolak: datanya tidak dapat diterapkan di sini ({detail}). Tidak ada data yang "
                          "diubah.", "Packet refused: its data cannot be applied here ({detail}). Nothing was changed."),
    "sync_parent_missing": ("Data ini bergantung pada data yang sudah dihapus di kantor ini; pilih versi kantor ini.",
                            "This record depends on a record deleted at this office; keep this office's version."),
    "sync_not_an_ack": ("Berkas {file} bukan tanda terima sinkronisasi yang valid.",
                        "The file {file} is not a valid sync acknowledgement."),
    "sync_conflict_not_found": ("Konflik {value} tidak ditemukan.", "Conflict {value} not found."),
    "sync_conflict_closed": ("Konflik {value} sudah diselesaikan.", "Conflict {value} is already resolved."),
    "sync_merge_impossible": ("Penggabungan per kolom hanya untuk data yang ada di kedua kantor.",
                              "Merging field by field needs the record at both offices."),
}


def render(code: str, lang: str = "id", /, **params: object) -> str:
    texts = MESSAGES.get(code)
    if texts is None:
        return code
    text = texts[0] if lang == "id" else texts[1]
    # A value given in both languages comes as ``name_id`` / ``name_en``; ``{name}`` takes the right one.
    suffix = "_id" if lang == "id" else "_en"
    params = {**params, **{k[:-3]: v for k, v in params.items() if k.endswith(suffix)}}
    try:
        return text.format(**params)
    except (KeyError, IndexError):
        return text
