<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="id" sourcelanguage="en">
<context>
    <name>AboutDialog</name>
    <message>
        <location filename="../../app/views/about.py" line="+127"/>
        <source>About PMI Desk</source>
        <translation>Tentang PMI Desk</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&lt;b&gt;PMI Desk&lt;/b&gt; %1</source>
        <translation>&lt;b&gt;PMI Desk&lt;/b&gt; %1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Registration, training and placement of Indonesian migrant workers, Disnakertrans Kota Serang.</source>
        <translation>Pendaftaran, pelatihan dan penempatan Pekerja Migran Indonesia, Disnakertrans Kota Serang.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Version</source>
        <translation>Versi</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Office</source>
        <translation>Kantor</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Database</source>
        <translation>Basis data</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Data folder</source>
        <translation>Folder data</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Qt / PySide / Python</source>
        <translation>Qt / PySide / Python</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Bundled libraries and their licences</source>
        <translation>Pustaka yang disertakan dan lisensinya</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Close</source>
        <translation>Tutup</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Bundled libraries and their licences:</source>
        <translation>Pustaka yang disertakan dan lisensinya:</translation>
    </message>
</context>
<context>
    <name>AddUserDialog</name>
    <message>
        <location filename="../../app/views/admin/users.py" line="+114"/>
        <location line="+22"/>
        <source>Add user</source>
        <translation>Tambah pengguna</translation>
    </message>
    <message>
        <location line="-20"/>
        <source>3–32 lowercase letters, digits, . or _</source>
        <translation>3–32 huruf kecil, angka, . atau _</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>&amp;Username</source>
        <translation>&amp;Nama pengguna</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>&amp;Full name</source>
        <translation>Nama &amp;lengkap</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Role</source>
        <translation>&amp;Peran</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>First &amp;password</source>
        <translation>Kata &amp;sandi awal</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Repeat pass&amp;word</source>
        <translation>&amp;Ulangi kata sandi</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The user must change this password at the first sign-in.</source>
        <translation>Pengguna wajib mengganti kata sandi ini saat pertama kali masuk.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Cancel</source>
        <translation>Batal</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>The two passwords differ.</source>
        <translation>Kedua kata sandi tidak sama.</translation>
    </message>
</context>
<context>
    <name>AnonymiseDialog</name>
    <message>
        <location filename="../../app/views/applicants/detail.py" line="+161"/>
        <location line="+10"/>
        <source>Anonymise</source>
        <translation>Anonimkan</translation>
    </message>
    <message>
        <location line="-9"/>
        <source>Name, NIK, address, phone and the other personal data are replaced; what reports count (sex, birth year, sub-district, education, status) stays. Why is the data anonymised?</source>
        <translation>Nama, NIK, alamat, telepon, dan data pribadi lainnya diganti; yang dihitung laporan (jenis kelamin, tahun lahir, kecamatan, pendidikan, status) tetap. Mengapa data dianonimkan?</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>e.g. the applicant withdrew consent on …</source>
        <translation>mis. pendaftar menarik persetujuan pada …</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Cancel</source>
        <translation>Batal</translation>
    </message>
</context>
<context>
    <name>ApplicantDetailDialog</name>
    <message>
        <location line="-126"/>
        <source>&amp;Data</source>
        <translation>&amp;Data</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;History of changes</source>
        <translation>&amp;Riwayat perubahan</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Export personal data…</source>
        <translation>Ekspor data pribadi…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Anonymise…</source>
        <translation>Anonimkan…</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Applicant %1</source>
        <translation>Pendaftar %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Registered on</source>
        <translation>Terdaftar pada</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Age</source>
        <translation>Umur</translation>
    </message>
    <message>
        <location line="+21"/>
        <location line="+12"/>
        <location line="+4"/>
        <location line="+3"/>
        <source>Export personal data</source>
        <translation>Ekspor data pribadi</translation>
    </message>
    <message>
        <location line="-18"/>
        <source>JSON files (*.json)</source>
        <translation>Berkas JSON (*.json)</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>The file could not be written: %1</source>
        <translation>Berkas tidak dapat ditulis: %1</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Saved to %1. The file holds personal data: keep it safe; the export is recorded.</source>
        <translation>Disimpan ke %1. Berkas ini berisi data pribadi: simpan dengan aman; ekspor ini dicatat.</translation>
    </message>
    <message>
        <location line="+15"/>
        <location line="+13"/>
        <source>Anonymise</source>
        <translation>Anonimkan</translation>
    </message>
    <message>
        <location line="-12"/>
        <source>Replace the personal data of %1 for good? This cannot be undone.</source>
        <translation>Ganti data pribadi %1 secara permanen? Tindakan ini tidak dapat dibatalkan.</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>Unsaved changes</source>
        <translation>Perubahan belum disimpan</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Close without saving your changes?</source>
        <translation>Tutup tanpa menyimpan perubahan Anda?</translation>
    </message>
</context>
<context>
    <name>ApplicantEditor</name>
    <message>
        <location filename="../../app/views/registration/editor.py" line="+57"/>
        <source>Save (Enter)</source>
        <translation>Simpan (Enter)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Save changes (Enter)</source>
        <translation>Simpan perubahan (Enter)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Enter or Ctrl+S</source>
        <translation>Enter atau Ctrl+S</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Clear (Esc)</source>
        <translation>Kosongkan (Esc)</translation>
    </message>
    <message>
        <location line="+51"/>
        <source>Clear the form</source>
        <translation>Kosongkan formulir</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Clear everything typed in this form?</source>
        <translation>Hapus semua isian di formulir ini?</translation>
    </message>
    <message>
        <location line="+42"/>
        <source>Not saved: please correct the fields marked in red.</source>
        <translation>Belum tersimpan: perbaiki isian yang ditandai merah.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Not saved</source>
        <translation>Belum tersimpan</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Registered: %1 — %2</source>
        <translation>Terdaftar: %1 — %2</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Registration number %1 saved.</source>
        <translation>Nomor pendaftaran %1 tersimpan.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Changes saved.</source>
        <translation>Perubahan tersimpan.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Changes to %1 saved.</source>
        <translation>Perubahan data %1 tersimpan.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Changed by someone else</source>
        <translation>Diubah oleh pengguna lain</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Reload</source>
        <translation>Muat ulang</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Keep my input</source>
        <translation>Pertahankan isian saya</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Not found</source>
        <translation>Tidak ditemukan</translation>
    </message>
</context>
<context>
    <name>ApplicantForm</name>
    <message>
        <location filename="../../app/views/registration/form.py" line="+360"/>
        <source>— choose —</source>
        <translation>— pilih —</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Identity</source>
        <translation>Identitas</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>NIK</source>
        <translation>NIK</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>16 digits, as on the KTP</source>
        <translation>16 digit, sesuai KTP</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>KK number</source>
        <translation>Nomor KK</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>16 digits, as on the family card</source>
        <translation>16 digit, sesuai Kartu Keluarga</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Full name</source>
        <translation>Nama lengkap</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Sex</source>
        <translation>Jenis kelamin</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Place of birth</source>
        <translation>Tempat lahir</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Date of birth</source>
        <translation>Tanggal lahir</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Religion</source>
        <translation>Agama</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Marital status</source>
        <translation>Status perkawinan</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Address and contact</source>
        <translation>Alamat dan kontak</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Address</source>
        <translation>Alamat</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Street, house number</source>
        <translation>Jalan, nomor rumah</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>RT</source>
        <translation>RT</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>RW</source>
        <translation>RW</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Urban village</source>
        <translation>Kelurahan</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Type a few letters, e.g. Cipare</source>
        <translation>Ketik beberapa huruf, mis. Cipare</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>filled from the urban village</source>
        <translation>terisi dari kelurahan</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sub-district</source>
        <translation>Kecamatan</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Phone</source>
        <translation>Telepon</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>e.g. 0812-3456-7890</source>
        <translation>mis. 0812-3456-7890</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>E-mail</source>
        <translation>Email</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>optional</source>
        <translation>opsional</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Education and physique</source>
        <translation>Pendidikan dan fisik</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Highest education</source>
        <translation>Pendidikan terakhir</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Major</source>
        <translation>Jurusan</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Height (cm)</source>
        <translation>Tinggi (cm)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Weight (kg)</source>
        <translation>Berat (kg)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Skills and certificates</source>
        <translation>Keterampilan dan sertifikat</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Placement wishes</source>
        <translation>Minat penempatan</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Destination countries</source>
        <translation>Negara tujuan</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Sectors</source>
        <translation>Sektor</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Funding scheme</source>
        <translation>Skema pembiayaan</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Consent</source>
        <translation>Persetujuan</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The applicant consents to the processing of personal data (Law No. 27 of 2022)</source>
        <translation>Pendaftar menyetujui pemrosesan data pribadi (UU No. 27 Tahun 2022)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Consent date</source>
        <translation>Tanggal persetujuan</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Add language</source>
        <translation>Tambah bahasa</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Language skills</source>
        <translation>Kemampuan bahasa</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Add work experience</source>
        <translation>Tambah pengalaman kerja</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Work experience</source>
        <translation>Pengalaman kerja</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Notes</source>
        <translation>Catatan</translation>
    </message>
    <message>
        <location line="+44"/>
        <source>Space ticks or unticks the current line</source>
        <translation>Spasi mencentang atau menghapus centang baris ini</translation>
    </message>
    <message>
        <location line="+59"/>
        <source>The NIK cannot be changed once registered.</source>
        <translation>NIK tidak dapat diubah setelah terdaftar.</translation>
    </message>
</context>
<context>
    <name>ApplicantListPage</name>
    <message>
        <location filename="../../app/views/applicants/page.py" line="+49"/>
        <source>Search by name, NIK, registration number or phone</source>
        <translation>Cari nama, NIK, nomor pendaftaran atau telepon</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>All statuses</source>
        <translation>Semua status</translation>
    </message>
    <message>
        <location line="+37"/>
        <source>Search:</source>
        <translation>Cari:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Status:</source>
        <translation>Status:</translation>
    </message>
    <message numerus="yes">
        <location line="+48"/>
        <source>%Ln applicant(s)</source>
        <translation>
            <numerusform>%Ln pendaftar</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ApplicantTableModel</name>
    <message>
        <location filename="../../app/views/applicants/model.py" line="+16"/>
        <source>Registration number</source>
        <translation>Nomor pendaftaran</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Full name</source>
        <translation>Nama lengkap</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>NIK</source>
        <translation>NIK</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>M/F</source>
        <translation>L/P</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Date of birth</source>
        <translation>Tgl lahir</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Phone</source>
        <translation>Telepon</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sub-district</source>
        <translation>Kecamatan</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Education</source>
        <translation>Pendidikan</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Registered on</source>
        <translation>Tgl daftar</translation>
    </message>
</context>
<context>
    <name>AuditModel</name>
    <message>
        <location filename="../../app/views/admin/audit.py" line="+22"/>
        <source>When (WIB)</source>
        <translation>Waktu (WIB)</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+7"/>
        <source>User</source>
        <translation>Pengguna</translation>
    </message>
    <message>
        <location line="-6"/>
        <source>Action</source>
        <translation>Tindakan</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Record</source>
        <translation>Data</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Changes (old → new)</source>
        <translation>Perubahan (lama → baru)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Applicant</source>
        <translation>Pendaftar</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Setting</source>
        <translation>Pengaturan</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Office</source>
        <translation>Kantor</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Database</source>
        <translation>Basis data</translation>
    </message>
</context>
<context>
    <name>AuditPage</name>
    <message>
        <location line="+113"/>
        <source>Text in the record or the changed values</source>
        <translation>Teks pada data atau nilai yang diubah</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>username</source>
        <translation>nama pengguna</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>All records</source>
        <translation>Semua data</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Search</source>
        <translation>Cari</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>User</source>
        <translation>Pengguna</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>From</source>
        <translation>Dari</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>to</source>
        <translation>s.d.</translation>
    </message>
    <message>
        <location line="+17"/>
        <location line="+17"/>
        <location line="+10"/>
        <source>Audit trail</source>
        <translation>Jejak audit</translation>
    </message>
    <message>
        <location line="-10"/>
        <source>Type dates as dd/mm/yyyy.</source>
        <translation>Tulis tanggal sebagai hh/bb/tttt.</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>%1 entries</source>
        <translation>%1 catatan</translation>
    </message>
</context>
<context>
    <name>BackupsModel</name>
    <message>
        <location filename="../../app/views/admin/backups.py" line="+25"/>
        <source>When (WIB)</source>
        <translation>Waktu (WIB)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Kind</source>
        <translation>Jenis</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Size</source>
        <translation>Ukuran</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>File</source>
        <translation>Berkas</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>By hand</source>
        <translation>Manual</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Daily</source>
        <translation>Harian</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>At start</source>
        <translation>Saat mulai</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Before a restore</source>
        <translation>Sebelum pemulihan</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Before an update</source>
        <translation>Sebelum pembaruan</translation>
    </message>
</context>
<context>
    <name>BackupsPage</name>
    <message>
        <location line="+2"/>
        <source>RESTORE</source>
        <translation>PULIHKAN</translation>
    </message>
    <message>
        <location line="+103"/>
        <source>Back up now</source>
        <translation>Cadangkan sekarang</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Back up to a folder…</source>
        <translation>Cadangkan ke folder…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Restore…</source>
        <translation>Pulihkan…</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Backups</source>
        <translation>Cadangan</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Backups are kept in: %1</source>
        <translation>Cadangan disimpan di: %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Backups are made only for a database file (SQLite).</source>
        <translation>Cadangan hanya dibuat untuk berkas basis data (SQLite).</translation>
    </message>
    <message>
        <location line="+7"/>
        <location line="+3"/>
        <location line="+4"/>
        <source>Backup</source>
        <translation>Cadangan</translation>
    </message>
    <message>
        <location line="-7"/>
        <source>Making a backup…</source>
        <translation>Membuat cadangan…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The backup failed: %1</source>
        <translation>Pencadangan gagal: %1</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Backup made and checked: %1 (%2 applicants).</source>
        <translation>Cadangan dibuat dan diperiksa: %1 (%2 pendaftar).</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Choose a folder for the backup</source>
        <translation>Pilih folder untuk cadangan</translation>
    </message>
    <message>
        <location line="+10"/>
        <location line="+10"/>
        <location line="+3"/>
        <location line="+3"/>
        <source>Restore</source>
        <translation>Pulihkan</translation>
    </message>
    <message>
        <location line="-6"/>
        <source>Restoring and checking the backup…</source>
        <translation>Memulihkan dan memeriksa cadangan…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The restore failed; nothing was changed: %1</source>
        <translation>Pemulihan gagal; tidak ada yang diubah: %1</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The backup was restored (%1 applicants). PMI Desk closes now; start it again to work with the restored data.</source>
        <translation>Cadangan telah dipulihkan (%1 pendaftar). PMI Desk sekarang ditutup; jalankan lagi untuk bekerja dengan data yang dipulihkan.</translation>
    </message>
</context>
<context>
    <name>ChangePasswordDialog</name>
    <message>
        <location filename="../../app/views/session/sign_in.py" line="+94"/>
        <source>Change password</source>
        <translation>Ganti kata sandi</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Your password was set by an administrator. Choose your own password (at least 8 characters).</source>
        <translation>Kata sandi Anda dibuat oleh administrator. Pilih kata sandi Anda sendiri (minimal 8 karakter).</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Choose a new password (at least 8 characters).</source>
        <translation>Pilih kata sandi baru (minimal 8 karakter).</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>&amp;Current password</source>
        <translation>Kata sandi &amp;saat ini</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;New password</source>
        <translation>Kata sandi &amp;baru</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Repeat new password</source>
        <translation>&amp;Ulangi kata sandi baru</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Save password</source>
        <translation>Simpan kata sandi</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cancel</source>
        <translation>Batal</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>The two passwords differ.</source>
        <translation>Kedua kata sandi tidak sama.</translation>
    </message>
</context>
<context>
    <name>ConfirmRestoreDialog</name>
    <message>
        <location filename="../../app/views/admin/backups.py" line="-128"/>
        <source>Restore from a backup</source>
        <translation>Pulihkan dari cadangan</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&lt;b&gt;All data entered after %1 WIB will be replaced&lt;/b&gt; by the backup&lt;br&gt;%2&lt;br&gt;&lt;br&gt;The current database is kept as a safety copy first. PMI Desk closes after the restore; start it again.&lt;br&gt;&lt;br&gt;Type &lt;b&gt;%3&lt;/b&gt; to confirm.</source>
        <translation>&lt;b&gt;Semua data yang dimasukkan setelah %1 WIB akan diganti&lt;/b&gt; dengan cadangan&lt;br&gt;%2&lt;br&gt;&lt;br&gt;Basis data saat ini disimpan dulu sebagai salinan pengaman. PMI Desk ditutup setelah pemulihan; jalankan lagi.&lt;br&gt;&lt;br&gt;Ketik &lt;b&gt;%3&lt;/b&gt; untuk menegaskan.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Restore</source>
        <translation>Pulihkan</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Cancel</source>
        <translation>Batal</translation>
    </message>
</context>
<context>
    <name>ConflictsModel</name>
    <message>
        <location filename="../../app/views/sync/page.py" line="+24"/>
        <source>Changed at both offices</source>
        <translation>Diubah di kedua kantor</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Registered at both offices</source>
        <translation>Terdaftar di kedua kantor</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Deleted here, changed there</source>
        <translation>Dihapus di sini, diubah di sana</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Changed here, deleted there</source>
        <translation>Diubah di sini, dihapus di sana</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Applicant</source>
        <translation>Pendaftar</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Language</source>
        <translation>Bahasa</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Work experience</source>
        <translation>Pengalaman kerja</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Office</source>
        <translation>Kantor</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>No.</source>
        <translation>No.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Conflict</source>
        <translation>Konflik</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Data</source>
        <translation>Data</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Record</source>
        <translation>Rekaman</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Other office</source>
        <translation>Kantor lain</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Differs in</source>
        <translation>Berbeda pada</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Found (WIB)</source>
        <translation>Ditemukan (WIB)</translation>
    </message>
</context>
<context>
    <name>CrashDialog</name>
    <message>
        <location filename="../../app/views/crash.py" line="+14"/>
        <source>Unexpected error</source>
        <translation>Kesalahan tak terduga</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Something went wrong that PMI Desk did not expect. What you saved before is safe. The details were written to the log file; please tell the administrator.</source>
        <translation>Terjadi kesalahan yang tidak terduga. Data yang sudah disimpan sebelumnya tetap aman. Rinciannya tercatat di berkas log; mohon laporkan kepada administrator.</translation>
    </message>
</context>
<context>
    <name>DamagedDatabaseDialog</name>
    <message>
        <location filename="../../app/views/admin/damaged.py" line="+23"/>
        <source>The database is damaged — PMI Desk</source>
        <translation>Basis data rusak — PMI Desk</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&lt;b&gt;The database file is damaged and cannot be used safely.&lt;/b&gt;</source>
        <translation>&lt;b&gt;Berkas basis data rusak dan tidak dapat digunakan dengan aman.&lt;/b&gt;</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>The latest good backup is from %1 WIB (%2 applicants). Restoring it keeps the damaged file as a copy; data entered after the backup must be entered again.</source>
        <translation>Cadangan baik terakhir dari %1 WIB (%2 pendaftar). Pemulihan menyimpan berkas yang rusak sebagai salinan; data yang dimasukkan setelah cadangan itu harus dimasukkan lagi.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>No good backup was found. Call the administrator; do not delete the file.</source>
        <translation>Tidak ditemukan cadangan yang baik. Hubungi administrator; jangan hapus berkasnya.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Restore the latest good backup</source>
        <translation>Pulihkan cadangan baik terakhir</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Quit</source>
        <translation>Tutup</translation>
    </message>
    <message>
        <location line="+14"/>
        <location line="+3"/>
        <location line="+3"/>
        <source>Restore</source>
        <translation>Pulihkan</translation>
    </message>
    <message>
        <location line="-6"/>
        <source>Restoring and checking the backup…</source>
        <translation>Memulihkan dan memeriksa cadangan…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The restore failed: %1</source>
        <translation>Pemulihan gagal: %1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The backup was restored (%1 applicants).</source>
        <translation>Cadangan telah dipulihkan (%1 pendaftar).</translation>
    </message>
</context>
<context>
    <name>DateField</name>
    <message>
        <location filename="../../app/views/widgets.py" line="+53"/>
        <source>dd/mm/yyyy</source>
        <translation>hh/bb/tttt</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Choose from a calendar</source>
        <translation>Pilih dari kalender</translation>
    </message>
</context>
<context>
    <name>DemoOfferDialog</name>
    <message>
        <location filename="../../app/views/first_start.py" line="+133"/>
        <source>Demo data</source>
        <translation>Data contoh</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Fill the database with demo applicants, for training and trying things out? Demo data is made up; do not use it for real work.</source>
        <translation>Isi basis data dengan pendaftar contoh untuk pelatihan dan uji coba? Data contoh adalah data rekaan; jangan dipakai untuk pekerjaan sebenarnya.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Number of applicants</source>
        <translation>Jumlah pendaftar</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Yes, make demo data</source>
        <translation>Ya, buat data contoh</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No</source>
        <translation>Tidak</translation>
    </message>
</context>
<context>
    <name>DemoRunner</name>
    <message>
        <location line="+62"/>
        <location line="+26"/>
        <location line="+6"/>
        <source>Demo data</source>
        <translation>Data contoh</translation>
    </message>
    <message>
        <location line="-31"/>
        <source>Making demo applicants…</source>
        <translation>Membuat pendaftar contoh…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cancel</source>
        <translation>Batal</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Making demo applicants… %1 of %2</source>
        <translation>Membuat pendaftar contoh… %1 dari %2</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>%1 demo applicants were made.</source>
        <translation>%1 pendaftar contoh telah dibuat.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Demo data could not be made: %1</source>
        <translation>Data contoh gagal dibuat: %1</translation>
    </message>
</context>
<context>
    <name>ExperienceRow</name>
    <message>
        <location filename="../../app/views/registration/form.py" line="-384"/>
        <location line="+1"/>
        <source>Employer</source>
        <translation>Pemberi kerja</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+1"/>
        <source>Position</source>
        <translation>Jabatan</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Indonesia</source>
        <translation>Indonesia</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Country</source>
        <translation>Negara</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+1"/>
        <source>Sector</source>
        <translation>Sektor</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>From</source>
        <translation>Dari</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>to</source>
        <translation>s.d.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>End date (empty: still working)</source>
        <translation>Tanggal selesai (kosong: masih bekerja)</translation>
    </message>
</context>
<context>
    <name>FirstStartDialog</name>
    <message>
        <location filename="../../app/views/first_start.py" line="-211"/>
        <source>PMI Desk — first start</source>
        <translation>PMI Desk — pengaturan awal</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Welcome to PMI Desk. Enter this office and its first administrator. The administrator signs in with this user name and password.</source>
        <translation>Selamat datang di PMI Desk. Isi data kantor ini dan administrator pertamanya. Administrator masuk dengan nama pengguna dan kata sandi ini.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Office code</source>
        <translation>Kode kantor</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Three letters and four digits, e.g. SRG-0001</source>
        <translation>Tiga huruf dan empat angka, mis. SRG-0001</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Office name</source>
        <translation>Nama kantor</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Kind of office</source>
        <translation>Jenis kantor</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>City office</source>
        <translation>Kantor kota</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sub-district office</source>
        <translation>Kantor kecamatan</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Administrator user name</source>
        <translation>Nama pengguna administrator</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Administrator full name</source>
        <translation>Nama lengkap administrator</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Password</source>
        <translation>Kata sandi</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Password again</source>
        <translation>Ulangi kata sandi</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>at least 8 characters</source>
        <translation>minimal 8 karakter</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Save and start</source>
        <translation>Simpan dan mulai</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Quit</source>
        <translation>Keluar</translation>
    </message>
    <message>
        <location line="+51"/>
        <source>The two passwords are not the same.</source>
        <translation>Kedua kata sandi tidak sama.</translation>
    </message>
</context>
<context>
    <name>HistoryModel</name>
    <message>
        <location filename="../../app/views/applicants/history.py" line="+17"/>
        <source>When (WIB)</source>
        <translation>Waktu (WIB)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>User</source>
        <translation>Pengguna</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Action</source>
        <translation>Tindakan</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Field</source>
        <translation>Kolom</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Old</source>
        <translation>Lama</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>New</source>
        <translation>Baru</translation>
    </message>
</context>
<context>
    <name>Labels</name>
    <message>
        <location filename="../../app/views/labels.py" line="+8"/>
        <source>Registered</source>
        <translation>Terdaftar</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Collecting documents</source>
        <translation>Melengkapi dokumen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>In training</source>
        <translation>Pelatihan</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ready for placement</source>
        <translation>Siap ditempatkan</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Proposed</source>
        <translation>Diusulkan</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Selected</source>
        <translation>Terpilih</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Preparing to depart</source>
        <translation>Persiapan berangkat</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Departed</source>
        <translation>Berangkat</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Returned</source>
        <translation>Pulang</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Withdrawn</source>
        <translation>Mengundurkan diri</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ineligible</source>
        <translation>Tidak memenuhi syarat</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>L — male</source>
        <translation>L — Laki-laki</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>P — female</source>
        <translation>P — Perempuan</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Islam</source>
        <translation>Islam</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Protestant</source>
        <translation>Kristen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Catholic</source>
        <translation>Katolik</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Hindu</source>
        <translation>Hindu</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Buddhist</source>
        <translation>Buddha</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Confucian</source>
        <translation>Konghucu</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Other</source>
        <translation>Lainnya</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Single</source>
        <translation>Belum kawin</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Married</source>
        <translation>Kawin</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Divorced</source>
        <translation>Cerai hidup</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Widowed</source>
        <translation>Cerai mati</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Created</source>
        <translation>Dibuat</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Changed</source>
        <translation>Diubah</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Deleted</source>
        <translation>Dihapus</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Signed in</source>
        <translation>Masuk</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sign-in failed</source>
        <translation>Gagal masuk</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Password changed</source>
        <translation>Kata sandi diganti</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Password reset</source>
        <translation>Kata sandi diatur ulang</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Lockout lifted</source>
        <translation>Kunci akun dibuka</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Exported</source>
        <translation>Diekspor</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Backed up</source>
        <translation>Dicadangkan</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Anonymised</source>
        <translation>Dianonimkan</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Imported</source>
        <translation>Diimpor</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>wrong password</source>
        <translation>kata sandi salah</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>unknown username</source>
        <translation>nama pengguna tidak dikenal</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>account locked</source>
        <translation>akun terkunci</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>account deactivated</source>
        <translation>akun nonaktif</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>personal data</source>
        <translation>data pribadi</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>counter staff</source>
        <translation>petugas loket</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>trainer</source>
        <translation>instruktur</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>supervisor</source>
        <translation>penyelia</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>administrator</source>
        <translation>administrator</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>city office</source>
        <translation>kantor kota</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>sub-district office</source>
        <translation>kantor kecamatan</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>yes</source>
        <translation>ya</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>no</source>
        <translation>tidak</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Registration number</source>
        <translation>Nomor pendaftaran</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>NIK</source>
        <translation>NIK</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>KK number</source>
        <translation>Nomor KK</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Full name</source>
        <translation>Nama lengkap</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sex</source>
        <translation>Jenis kelamin</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Place of birth</source>
        <translation>Tempat lahir</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Date of birth</source>
        <translation>Tanggal lahir</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Religion</source>
        <translation>Agama</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Marital status</source>
        <translation>Status perkawinan</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Address</source>
        <translation>Alamat</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>RT</source>
        <translation>RT</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>RW</source>
        <translation>RW</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Urban village</source>
        <translation>Kelurahan</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sub-district</source>
        <translation>Kecamatan</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Phone</source>
        <translation>Telepon</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>E-mail</source>
        <translation>Email</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Highest education</source>
        <translation>Pendidikan terakhir</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Major</source>
        <translation>Jurusan</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Height (cm)</source>
        <translation>Tinggi (cm)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Weight (kg)</source>
        <translation>Berat (kg)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Skills and certificates</source>
        <translation>Keterampilan dan sertifikat</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Destination countries</source>
        <translation>Negara tujuan</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sectors</source>
        <translation>Sektor</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Funding scheme</source>
        <translation>Skema pembiayaan</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Notes</source>
        <translation>Catatan</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Consent</source>
        <translation>Persetujuan</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Consent date</source>
        <translation>Tanggal persetujuan</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Language skills</source>
        <translation>Kemampuan bahasa</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Work experience</source>
        <translation>Pengalaman kerja</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Source</source>
        <translation>Sumber</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reason</source>
        <translation>Alasan</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Failed attempts</source>
        <translation>Percobaan gagal</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Locked until</source>
        <translation>Terkunci sampai</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Active</source>
        <translation>Aktif</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Role</source>
        <translation>Peran</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Name</source>
        <translation>Nama</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Kind</source>
        <translation>Jenis</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Saved to</source>
        <translation>Disimpan ke</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Applicants</source>
        <translation>Pendaftar</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Must change password</source>
        <translation>Wajib ganti kata sandi</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Value</source>
        <translation>Nilai</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Records</source>
        <translation>Jumlah data</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Purpose</source>
        <translation>Keperluan</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Destination</source>
        <translation>Tujuan</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Fields</source>
        <translation>Kolom</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Audit entries redacted</source>
        <translation>Catatan audit disamarkan</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>File</source>
        <translation>Berkas</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Rows</source>
        <translation>Baris</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Failed rows</source>
        <translation>Baris gagal</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Saved</source>
        <translation>Disimpan</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Office</source>
        <translation>Kantor</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Registration date</source>
        <translation>Tanggal pendaftaran</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Photo</source>
        <translation>Foto</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Applicant</source>
        <translation>Pendaftar</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Language</source>
        <translation>Bahasa</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Level</source>
        <translation>Tingkat</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Certificate</source>
        <translation>Sertifikat</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Employer</source>
        <translation>Pemberi kerja</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Position</source>
        <translation>Jabatan</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Country</source>
        <translation>Negara</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sector</source>
        <translation>Sektor</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Start date</source>
        <translation>Tanggal mulai</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>End date</source>
        <translation>Tanggal selesai</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Description</source>
        <translation>Keterangan</translation>
    </message>
</context>
<context>
    <name>LanguageRow</name>
    <message>
        <location filename="../../app/views/registration/form.py" line="-45"/>
        <location line="+1"/>
        <source>Language</source>
        <translation>Bahasa</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Level</source>
        <translation>Tingkat</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Certificate</source>
        <translation>Sertifikat</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Certificate (optional)</source>
        <translation>Sertifikat (opsional)</translation>
    </message>
</context>
<context>
    <name>LicenceTableModel</name>
    <message>
        <location filename="../../app/views/about.py" line="-76"/>
        <source>Library</source>
        <translation>Pustaka</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Version</source>
        <translation>Versi</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Licence</source>
        <translation>Lisensi</translation>
    </message>
</context>
<context>
    <name>LockDialog</name>
    <message>
        <location filename="../../app/views/session/lock.py" line="+70"/>
        <source>Screen locked — PMI Desk</source>
        <translation>Layar terkunci — PMI Desk</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&lt;b&gt;The screen is locked.&lt;/b&gt;</source>
        <translation>&lt;b&gt;Layar terkunci.&lt;/b&gt;</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Signed in: %1 (%2). Enter your password to go on, or sign out so someone else can sign in.</source>
        <translation>Masuk sebagai: %1 (%2). Masukkan kata sandi Anda untuk melanjutkan, atau keluar agar orang lain dapat masuk.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>&amp;Password</source>
        <translation>Kata &amp;sandi</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Unlock</source>
        <translation>Buka kunci</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Sign out</source>
        <translation>Keluar</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../app/views/main_window.py" line="+44"/>
        <location line="+117"/>
        <source>Registration</source>
        <translation>Pendaftaran</translation>
    </message>
    <message>
        <location line="-116"/>
        <location line="+116"/>
        <source>Applicant list</source>
        <translation>Daftar pendaftar</translation>
    </message>
    <message>
        <location line="-97"/>
        <source>Office: %1</source>
        <translation>Kantor: %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>User: %1</source>
        <translation>Pengguna: %1</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Your role has no pages in this version yet.</source>
        <translation>Peran Anda belum memiliki halaman pada versi ini.</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Audit trail</source>
        <translation>Jejak audit</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Users</source>
        <translation>Pengguna</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Sync</source>
        <translation>Sinkronisasi</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Backups</source>
        <translation>Cadangan</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>&amp;File</source>
        <translation>&amp;Berkas</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;New registration</source>
        <translation>Pendaftaran &amp;baru</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Find applicant</source>
        <translation>&amp;Cari pendaftar</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Quit</source>
        <translation>&amp;Tutup PMI Desk</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Lock screen</source>
        <translation>&amp;Kunci layar</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Sign out</source>
        <translation>K&amp;eluar</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Change &amp;password…</source>
        <translation>Ganti kata &amp;sandi…</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>&amp;View</source>
        <translation>&amp;Tampilan</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Language</source>
        <translation>&amp;Bahasa</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>&amp;Help</source>
        <translation>&amp;Bantuan</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;About PMI Desk</source>
        <translation>&amp;Tentang PMI Desk</translation>
    </message>
    <message>
        <location line="+55"/>
        <source>Password changed.</source>
        <translation>Kata sandi telah diganti.</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>Language</source>
        <translation>Bahasa</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The language changes the next time PMI Desk starts.</source>
        <translation>Bahasa berubah saat PMI Desk dijalankan lagi.</translation>
    </message>
    <message>
        <location line="+42"/>
        <source>Cannot open</source>
        <translation>Tidak dapat dibuka</translation>
    </message>
</context>
<context>
    <name>QLineEdit</name>
    <message>
        <location filename="../../app/views/qt_strings.py" line="+20"/>
        <source>&amp;Undo</source>
        <translation>&amp;Urungkan</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Redo</source>
        <translation>Ulan&amp;gi</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cu&amp;t</source>
        <translation>Po&amp;tong</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Copy</source>
        <translation>&amp;Salin</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Paste</source>
        <translation>T&amp;empel</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Delete</source>
        <translation>Hapus</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Select All</source>
        <translation>Pilih semua</translation>
    </message>
</context>
<context>
    <name>QMessageBox</name>
    <message>
        <location line="-8"/>
        <source>Show Details...</source>
        <translation>Tampilkan rincian...</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Hide Details...</source>
        <translation>Sembunyikan rincian...</translation>
    </message>
</context>
<context>
    <name>QPlatformTheme</name>
    <message>
        <location line="-9"/>
        <source>OK</source>
        <translation>OK</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cancel</source>
        <translation>Batal</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Close</source>
        <translation>Tutup</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Save</source>
        <translation>Simpan</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Yes</source>
        <translation>&amp;Ya</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;No</source>
        <translation>&amp;Tidak</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Apply</source>
        <translation>Terapkan</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Help</source>
        <translation>Bantuan</translation>
    </message>
</context>
<context>
    <name>QWidgetTextControl</name>
    <message>
        <location line="+10"/>
        <source>&amp;Undo</source>
        <translation>&amp;Urungkan</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Redo</source>
        <translation>Ulan&amp;gi</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cu&amp;t</source>
        <translation>Po&amp;tong</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Copy</source>
        <translation>&amp;Salin</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Paste</source>
        <translation>T&amp;empel</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Delete</source>
        <translation>Hapus</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Select All</source>
        <translation>Pilih semua</translation>
    </message>
</context>
<context>
    <name>ResetPasswordDialog</name>
    <message>
        <location filename="../../app/views/admin/users.py" line="+20"/>
        <source>Reset password of %1</source>
        <translation>Atur ulang kata sandi %1</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>New first &amp;password</source>
        <translation>Kata &amp;sandi awal baru</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Repeat pass&amp;word</source>
        <translation>&amp;Ulangi kata sandi</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The user must change it at the next sign-in; a lockout is lifted.</source>
        <translation>Pengguna wajib menggantinya saat masuk berikutnya; penguncian akun dicabut.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Reset password</source>
        <translation>Atur ulang kata sandi</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cancel</source>
        <translation>Batal</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>The two passwords differ.</source>
        <translation>Kedua kata sandi tidak sama.</translation>
    </message>
</context>
<context>
    <name>ResolveDialog</name>
    <message>
        <location filename="../../app/views/sync/page.py" line="+34"/>
        <source>Resolve conflict %1</source>
        <translation>Selesaikan konflik data %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&lt;b&gt;%1&lt;/b&gt; — %2 with office %3. Choose the version to keep everywhere, or tick the fields to take from the other office and merge.</source>
        <translation>&lt;b&gt;%1&lt;/b&gt; — %2 dengan kantor %3. Pilih versi yang dipakai di semua kantor, atau centang kolom yang diambil dari kantor lain lalu gabungkan.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Field</source>
        <translation>Kolom</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>This office</source>
        <translation>Kantor ini</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Office %1</source>
        <translation>Kantor %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Take theirs</source>
        <translation>Ambil dari sana</translation>
    </message>
    <message>
        <location line="+8"/>
        <location line="+1"/>
        <source>(deleted)</source>
        <translation>(dihapus)</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Keep this office&apos;s version</source>
        <translation>Pakai versi kantor ini</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Keep office %1&apos;s version</source>
        <translation>Pakai versi kantor %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Merge the ticked fields</source>
        <translation>Gabungkan kolom yang dicentang</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Cancel</source>
        <translation>Batal</translation>
    </message>
</context>
<context>
    <name>Roles</name>
    <message>
        <location filename="../../app/views/admin/users.py" line="-177"/>
        <source>Counter staff</source>
        <translation>Petugas loket</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Trainer</source>
        <translation>Instruktur</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Supervisor</source>
        <translation>Penyelia</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Administrator</source>
        <translation>Administrator</translation>
    </message>
</context>
<context>
    <name>SignInDialog</name>
    <message>
        <location filename="../../app/views/session/sign_in.py" line="-120"/>
        <source>Sign in — PMI Desk</source>
        <translation>Masuk — PMI Desk</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&lt;b&gt;PMI Desk&lt;/b&gt;&lt;br&gt;%1</source>
        <translation>&lt;b&gt;PMI Desk&lt;/b&gt;&lt;br&gt;%1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&lt;b&gt;PMI Desk&lt;/b&gt;</source>
        <translation>&lt;b&gt;PMI Desk&lt;/b&gt;</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>&amp;Username</source>
        <translation>&amp;Nama pengguna</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Password</source>
        <translation>Kata &amp;sandi</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sign in</source>
        <translation>Masuk</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Quit</source>
        <translation>Tutup</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>Choose a new password to go on.</source>
        <translation>Pilih kata sandi baru untuk melanjutkan.</translation>
    </message>
</context>
<context>
    <name>Startup</name>
    <message>
        <location filename="../../app/views/application.py" line="+35"/>
        <source>The database cannot be opened</source>
        <translation>Basis data tidak dapat dibuka</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Database: %1</source>
        <translation>Basis data: %1</translation>
    </message>
    <message>
        <location line="+73"/>
        <source>Checking the database…</source>
        <translation>Memeriksa basis data…</translation>
    </message>
</context>
<context>
    <name>SyncPage</name>
    <message>
        <location filename="../../app/views/sync/page.py" line="+41"/>
        <source>Sync between offices</source>
        <translation>Sinkronisasi antarkantor</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Save this office&apos;s key…</source>
        <translation>Simpan kunci kantor ini…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Register another office&apos;s key…</source>
        <translation>Daftarkan kunci kantor lain…</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Send to another office</source>
        <translation>Kirim ke kantor lain</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Make a packet…</source>
        <translation>Buat paket…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Office:</source>
        <translation>Kantor:</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Receive from another office</source>
        <translation>Terima dari kantor lain</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Import a packet…</source>
        <translation>Impor paket…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Read an acknowledgement…</source>
        <translation>Baca tanda terima…</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Conflicts to resolve</source>
        <translation>Konflik data yang perlu diselesaikan</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Resolve…</source>
        <translation>Selesaikan…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>No open conflicts.</source>
        <translation>Tidak ada konflik data yang terbuka.</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>This office: %1 · key fingerprint %2</source>
        <translation>Kantor ini: %1 · sidik jari kunci %2</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>No other office is registered yet (an administrator registers its key).</source>
        <translation>Belum ada kantor lain yang terdaftar (administrator mendaftarkan kuncinya).</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Save this office&apos;s key</source>
        <translation>Simpan kunci kantor ini</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+22"/>
        <source>Office keys (*.key)</source>
        <translation>Kunci kantor (*.key)</translation>
    </message>
    <message>
        <location line="-7"/>
        <source>Key saved to %1. Fingerprint: %2</source>
        <translation>Kunci disimpan ke %1. Sidik jari: %2</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Choose an office&apos;s key</source>
        <translation>Pilih kunci kantor</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Register a key</source>
        <translation>Daftarkan kunci</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Register the key of office %1?

Fingerprint: %2

Compare it with that office by phone first: a packet signed with this key will be accepted.</source>
        <translation>Daftarkan kunci kantor %1?

Sidik jari: %2

Cocokkan dulu dengan kantor tersebut lewat telepon: paket yang ditandatangani dengan kunci ini akan diterima.</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Save the packet</source>
        <translation>Simpan paket</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+19"/>
        <source>Sync packets (*.zip)</source>
        <translation>Paket sinkronisasi (*.zip)</translation>
    </message>
    <message>
        <location line="-65"/>
        <location line="+5"/>
        <location line="+2"/>
        <location line="+16"/>
        <location line="+12"/>
        <location line="+14"/>
        <location line="+3"/>
        <location line="+2"/>
        <location line="+14"/>
        <location line="+16"/>
        <location line="+10"/>
        <location line="+3"/>
        <location line="+6"/>
        <location line="+18"/>
        <source>Sync</source>
        <translation>Sinkronisasi</translation>
    </message>
    <message>
        <location line="-72"/>
        <source>Making the packet…</source>
        <translation>Membuat paket…</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Packet for %1 saved: %2 records, %3 deletions, %4 attachments.
%5

Carry it to the office, import it there, and bring the acknowledgement back.</source>
        <translation>Paket untuk %1 disimpan: %2 rekaman, %3 penghapusan, %4 lampiran.
%5

Bawa ke kantor tersebut, impor di sana, lalu bawa kembali tanda terimanya.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Choose a packet</source>
        <translation>Pilih paket</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Checking and applying the packet…</source>
        <translation>Memeriksa dan menerapkan paket…</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Packet refused</source>
        <translation>Paket ditolak</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Packet from %1 was imported before: nothing changed.</source>
        <translation>Paket dari %1 sudah pernah diimpor sebelumnya: tidak ada yang berubah.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Packet from %1: %2 new, %3 updated, %4 deleted, %5 unchanged, %6 conflicts.</source>
        <translation>Paket dari %1: %2 baru, %3 diperbarui, %4 dihapus, %5 tidak berubah, %6 konflik.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Acknowledgement to carry back to %1: %2</source>
        <translation>Tanda terima untuk dibawa kembali ke %1: %2</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Choose an acknowledgement</source>
        <translation>Pilih tanda terima</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Acknowledgements (*.ack)</source>
        <translation>Tanda terima (*.ack)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Reading the acknowledgement…</source>
        <translation>Membaca tanda terima…</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>This acknowledgement was read before.</source>
        <translation>Tanda terima ini sudah pernah dibaca.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Office %1 has received %2 records.</source>
        <translation>Kantor %1 telah menerima %2 rekaman.</translation>
    </message>
</context>
<context>
    <name>UsersModel</name>
    <message>
        <location filename="../../app/views/admin/users.py" line="+3"/>
        <source>Username</source>
        <translation>Nama pengguna</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Full name</source>
        <translation>Nama lengkap</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Role</source>
        <translation>Peran</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Office</source>
        <translation>Kantor</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>State</source>
        <translation>Keadaan</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Deactivated</source>
        <translation>Nonaktif</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Locked until %1 WIB</source>
        <translation>Terkunci sampai %1 WIB</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Active, must change password</source>
        <translation>Aktif, wajib ganti kata sandi</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Active</source>
        <translation>Aktif</translation>
    </message>
</context>
<context>
    <name>UsersPage</name>
    <message>
        <location line="+178"/>
        <source>Add user…</source>
        <translation>Tambah pengguna…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reset password…</source>
        <translation>Atur ulang kata sandi…</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+43"/>
        <source>Deactivate</source>
        <translation>Nonaktifkan</translation>
    </message>
    <message>
        <location line="-42"/>
        <source>Change role…</source>
        <translation>Ganti peran…</translation>
    </message>
    <message>
        <location line="+10"/>
        <location line="+41"/>
        <source>Users</source>
        <translation>Pengguna</translation>
    </message>
    <message>
        <location line="-10"/>
        <source>Activate</source>
        <translation>Aktifkan</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>Deactivate user</source>
        <translation>Nonaktifkan pengguna</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Deactivate %1? They can no longer sign in.</source>
        <translation>Nonaktifkan %1? Pengguna ini tidak dapat masuk lagi.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Change role</source>
        <translation>Ganti peran</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>New role of %1:</source>
        <translation>Peran baru %1:</translation>
    </message>
</context>
<context>
    <name>WarningsDialog</name>
    <message>
        <location filename="../../app/views/registration/confirm.py" line="+22"/>
        <source>Please check before saving</source>
        <translation>Periksa sebelum menyimpan</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The data can be saved, but please check the following first:</source>
        <translation>Data dapat disimpan, tetapi periksa dulu hal berikut:</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Open %1</source>
        <translation>Buka %1</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>&amp;Save anyway</source>
        <translation>&amp;Simpan tetap</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cancel</source>
        <translation>Batal</translation>
    </message>
</context>
<context>
    <name>_Row</name>
    <message>
        <location filename="../../app/views/registration/form.py" line="-47"/>
        <source>Remove</source>
        <translation>Hapus</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Remove this row</source>
        <translation>Hapus baris ini</translation>
    </message>
</context>
</TS>
