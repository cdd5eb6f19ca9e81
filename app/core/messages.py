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
    # language training
    "duration_range": ("Lama pelatihan harus {min} sampai {max} bulan (diisi {value} bulan).",
                       "A training batch lasts {min} to {max} months (entered: {value} months)."),
    "schedule_days_required": ("Pilih minimal satu hari pertemuan dalam seminggu.",
                               "Choose at least one meeting day of the week."),
    "schedule_empty": ("Jadwal ini tidak menghasilkan satu pertemuan pun (semua hari libur?).",
                       "This schedule gives no meeting at all (all days closed?)."),
    "schedule_locked": ("Presensi sudah diisi: jadwal tidak dapat diubah lagi. Tambah, pindahkan atau batalkan "
                        "pertemuan satu per satu.",
                        "Attendance has been recorded: the schedule cannot change any more. Add, move or cancel "
                        "single meetings instead."),
    "time_format": ("Jam harus berbentuk JJ:MM, misalnya 08:00 (diisi {value}).",
                    "Times look like HH:MM, e.g. 08:00 (entered {value})."),
    "time_order": ("Jam selesai harus setelah jam mulai.", "The end time must be after the start time."),
    "batch_code_taken": ("Kode angkatan {value} sudah dipakai.", "The batch code {value} is taken."),
    "trainer_unknown": ("Instruktur {value} tidak dikenal atau tidak aktif.", "Trainer {value} is unknown or inactive."),
    "batch_language_locked": ("Bahasa angkatan tidak dapat diubah setelah ada peserta.",
                              "The batch's language cannot change once it has participants."),
    "capacity_below_enrolled": ("Kapasitas tidak boleh kurang dari jumlah peserta aktif ({enrolled}).",
                                "The capacity cannot be below the number of active participants ({enrolled})."),
    "batch_not_found": ("Angkatan pelatihan tidak ditemukan.", "Training batch not found."),
    "batch_not_assigned": ("Angkatan {batch} bukan angkatan yang Anda ajar.", "Batch {batch} is not one you teach."),
    "batch_finished": ("Angkatan {batch} sudah selesai.", "Batch {batch} has finished."),
    "batch_full": ("Angkatan {batch} penuh: kapasitas {capacity}, sisa tempat {free}.",
                   "Batch {batch} is full: capacity {capacity}, {free} places left."),
    "session_not_found": ("Pertemuan tidak ditemukan.", "Meeting not found."),
    "session_cancelled": ("Pertemuan ini dibatalkan.", "This meeting is cancelled."),
    "session_has_marks": ("Pertemuan ini sudah berisi presensi; hapus presensinya dulu.",
                          "This meeting already has attendance; clear it first."),
    "session_future": ("Pertemuan {day} belum berlangsung; presensi belum dapat diisi.",
                       "The meeting of {day} has not happened yet; attendance cannot be recorded."),
    "session_exists": ("Sudah ada pertemuan pada {day}.", "There is already a meeting on {day}."),
    "session_outside": ("Tanggal pertemuan harus antara {start} dan {end}.", "The meeting date must be between {start} and {end}."),
    "day_closed": ("{day} adalah hari libur kantor ({name}).", "{day} is a closed day ({name})."),
    "enrol_already": ("{name} ({registration_number}) sudah tercatat di angkatan {code}.",
                      "{name} ({registration_number}) is already in batch {code}."),
    "enrol_same_language": ("{name} ({registration_number}) masih aktif di angkatan {code} untuk bahasa yang sama.",
                            "{name} ({registration_number}) is still active in batch {code} of the same language."),
    "enrol_status": ("{name} ({registration_number}) berstatus “{status}”; hanya pendaftar berstatus Terdaftar, "
                     "Melengkapi dokumen, Siap ditempatkan atau Kembali yang dapat mengikuti pelatihan.",
                     "{name} ({registration_number}) has the status “{status}”; only registered applicants "
                     "(registered, collecting documents, ready, returned) can join a training."),
    "enrolment_not_found": ("Peserta ini tidak terdaftar di angkatan ini.", "This person is not enrolled in this batch."),
    "enrolment_closed": ("Kepesertaan sudah ditutup (lulus, tidak lulus atau mengundurkan diri).",
                         "The enrolment is closed (graduated, failed or dropped out)."),
    "mark_invalid": ("Tanda presensi harus H, S, I atau A (diisi {value}).", "The mark must be H, S, I or A (entered {value})."),
    "date_future": ("Tanggal tidak boleh di masa depan.", "The date cannot be in the future."),
    "test_before_start": ("Tanggal ujian sebelum angkatan dimulai ({start}).", "The test date is before the batch started ({start})."),
    "score_not_found": ("Nilai tidak ditemukan.", "Score not found."),
    "final_missing": ("Belum ada nilai ujian akhir.", "There is no final test score yet."),
    "final_below_pass": ("Nilai ujian akhir {score} di bawah nilai kelulusan {pass_mark}.",
                         "The final test score {score} is below the pass mark {pass_mark}."),
    "attendance_below": ("Kehadiran {rate} % di bawah batas minimal {minimum} %.",
                         "Attendance {rate} % is below the minimum {minimum} %."),
    "holiday_exists": ("{day} sudah tercatat sebagai hari libur.", "{day} is already a closed day."),
    "holiday_not_found": ("Hari libur tidak ditemukan.", "Closed day not found."),
    "sheet_month_empty": ("Tidak ada pertemuan pada {month}.", "There is no meeting in {month}."),
    "certificate_not_graduated": ("Sertifikat hanya untuk peserta yang lulus.", "A certificate is only for a graduate."),
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
