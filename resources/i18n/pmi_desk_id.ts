<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="id" sourcelanguage="en">
<context>
    <name>AboutDialog</name>
    <message>
        <location filename="../../app/views/about.py" line="+132"/>
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
        <location filename="../../app/views/admin/users.py" line="+161"/>
        <location line="+17"/>
        <source>Add user</source>
        <translation>Tambah pengguna</translation>
    </message>
    <message>
        <location line="-15"/>
        <source>3–32 lowercase letters, digits, . or _</source>
        <translation>3–32 huruf kecil, angka, . atau _</translation>
    </message>
    <message>
        <location line="+9"/>
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
        <location line="+3"/>
        <source>First &amp;password</source>
        <translation>Kata &amp;sandi awal</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The user must change this password at the first sign-in.</source>
        <translation>Pengguna wajib mengganti kata sandi ini saat pertama kali masuk.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cancel</source>
        <translation>Batal</translation>
    </message>
</context>
<context>
    <name>AgencyDialog</name>
    <message>
        <location filename="../../app/views/orders/form.py" line="+78"/>
        <source>New placement agency (P3MI)</source>
        <translation>P3MI baru</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Company name</source>
        <translation>Nama perusahaan</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Licence number (SIP3MI)</source>
        <translation>Nomor izin (SIP3MI)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Licence valid until</source>
        <translation>Izin berlaku sampai</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>APJATI member</source>
        <translation>Anggota APJATI</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Contact person</source>
        <translation>Narahubung</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Phone</source>
        <translation>Telepon</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Save</source>
        <translation>Simpan</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cancel</source>
        <translation>Batal</translation>
    </message>
</context>
<context>
    <name>AnonymiseDialog</name>
    <message>
        <location filename="../../app/views/applicants/detail.py" line="+321"/>
        <source>Anonymise</source>
        <translation>Anonimkan</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Name, NIK, address, phone and the other personal data are replaced; what reports count (sex, birth year, sub-district, education, status) stays. Why is the data anonymised?</source>
        <translation>Nama, NIK, alamat, telepon, dan data pribadi lainnya diganti; yang dihitung laporan (jenis kelamin, tahun lahir, kecamatan, pendidikan, status) tetap. Mengapa data dianonimkan?</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>e.g. the applicant withdrew consent on …</source>
        <translation>mis. pendaftar menarik persetujuan pada …</translation>
    </message>
    <message>
        <location line="-4"/>
        <source>Cancel</source>
        <translation>Batal</translation>
    </message>
</context>
<context>
    <name>ApplicantDetailDialog</name>
    <message>
        <location line="-269"/>
        <source>&amp;Data</source>
        <translation>&amp;Data</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;History of changes</source>
        <translation>&amp;Riwayat perubahan</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>D&amp;ocuments</source>
        <translation>D&amp;okumen</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Job orders</source>
        <translation>&amp;Lowongan</translation>
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
        <location line="+5"/>
        <source>Print dossier…</source>
        <translation>Cetak dosir…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The candidate dossier as a PDF: Indonesian (complete) or English (for employers abroad)</source>
        <translation>Dosir calon sebagai PDF: bahasa Indonesia (lengkap) atau bahasa Inggris (untuk pemberi kerja di luar negeri)</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Photo…</source>
        <translation>Foto…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Choose the applicant&apos;s photo (JPEG or PNG, at most 5 MB)</source>
        <translation>Pilih foto pendaftar (JPEG atau PNG, maksimal 5 MB)</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+101"/>
        <location line="+8"/>
        <source>Remove photo</source>
        <translation>Hapus foto</translation>
    </message>
    <message>
        <location line="-79"/>
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
        <location line="+17"/>
        <source>No photo</source>
        <translation>Tanpa foto</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Choose photo</source>
        <translation>Pilih foto</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Photos (*.jpg *.jpeg *.png)</source>
        <translation>Foto (*.jpg *.jpeg *.png)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Indonesian (complete, for the office and the agency)</source>
        <translation>Bahasa Indonesia (lengkap, untuk kantor dan P3MI)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>English (for employers abroad: without religion, NIK, KK, street address, phone)</source>
        <translation>Bahasa Inggris (untuk pemberi kerja di luar negeri: tanpa agama, NIK, KK, alamat jalan, telepon)</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+66"/>
        <location line="+4"/>
        <location line="+2"/>
        <source>Print dossier</source>
        <translation>Cetak dosir</translation>
    </message>
    <message>
        <location line="-72"/>
        <source>Language of the dossier:</source>
        <translation>Bahasa dosir:</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>Photo</source>
        <translation>Foto</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Remove the photo of %1? The file stays in the backups.</source>
        <translation>Hapus foto %1? Berkasnya tetap tersimpan di cadangan.</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>Writing the dossier…</source>
        <translation>Menulis dosir…</translation>
    </message>
    <message>
        <location line="+31"/>
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
        <location line="-25"/>
        <location line="+37"/>
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
        <location filename="../../app/views/registration/editor.py" line="+58"/>
        <source>Print receipt</source>
        <translation>Cetak tanda terima</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The registration receipt (PDF) of the applicant just registered</source>
        <translation>Tanda terima pendaftaran (PDF) pendaftar yang baru didaftarkan</translation>
    </message>
    <message>
        <location line="+5"/>
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
        <location line="+52"/>
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
        <location line="+24"/>
        <source>Receipt not printed</source>
        <translation>Tanda terima tidak dicetak</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Receipt %1 opened.</source>
        <translation>Tanda terima %1 dibuka.</translation>
    </message>
    <message>
        <location line="+3"/>
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
        <location filename="../../app/views/applicants/page.py" line="+50"/>
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
        <location line="+50"/>
        <source>%Ln applicant(s)</source>
        <translation>
            <numerusform>%Ln pendaftar</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ApplicantOrdersPanel</name>
    <message>
        <location filename="../../app/views/orders/applicant_panel.py" line="+47"/>
        <source>Job orders</source>
        <translation>Lowongan</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Loading the candidates…</source>
        <translation>Memuat data calon…</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Meets the requirements of %1 open job orders; %2 more need something.</source>
        <translation>Memenuhi syarat %1 lowongan terbuka; %2 lowongan lain masih kurang syarat.</translation>
    </message>
</context>
<context>
    <name>ApplicantTableModel</name>
    <message>
        <location filename="../../app/views/applicants/model.py" line="+18"/>
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
    <message>
        <location line="+1"/>
        <source>Documents</source>
        <translation>Dokumen</translation>
    </message>
</context>
<context>
    <name>AtRiskModel</name>
    <message>
        <location filename="../../app/views/training/models.py" line="+122"/>
        <source>Batch</source>
        <translation>Angkatan</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Registration no.</source>
        <translation>Nomor pendaftaran</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Name</source>
        <translation>Nama</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Present %</source>
        <translation>Hadir %</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Minimum</source>
        <translation>Minimal</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Absent in a row</source>
        <translation>Absen beruntun</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Why</source>
        <translation>Alasan</translation>
    </message>
</context>
<context>
    <name>AtRiskPage</name>
    <message>
        <location filename="../../app/views/training/page.py" line="+515"/>
        <location line="+26"/>
        <source>Participants at risk</source>
        <translation>Peserta berisiko</translation>
    </message>
    <message>
        <location line="-24"/>
        <source>Active participants under their batch&apos;s minimum attendance, or absent (sick, excused or without notice) 3 meetings in a row. Double-click opens the batch.</source>
        <translation>Peserta aktif yang kehadirannya di bawah batas minimal angkatan, atau tidak hadir (sakit, izin atau alpa) 3 pertemuan berturut-turut. Klik dua kali untuk membuka angkatannya.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Refresh</source>
        <translation>Muat ulang</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>%1 participants</source>
        <translation>%1 peserta</translation>
    </message>
</context>
<context>
    <name>AttendanceModel</name>
    <message>
        <location filename="../../app/views/training/grid.py" line="+29"/>
        <source>Mon</source>
        <translation>Sen</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Tue</source>
        <translation>Sel</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Wed</source>
        <translation>Rab</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Thu</source>
        <translation>Kam</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Fri</source>
        <translation>Jum</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Sat</source>
        <translation>Sab</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sun</source>
        <translation>Min</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Present %</source>
        <translation>Hadir %</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Absent in a row</source>
        <translation>Absen beruntun</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>present</source>
        <translation>hadir</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>sick</source>
        <translation>sakit</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>excused</source>
        <translation>izin</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>absent</source>
        <translation>alpa</translation>
    </message>
    <message>
        <location line="+89"/>
        <source>Meeting %1, %2</source>
        <translation>Pertemuan ke-%1, %2</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cancelled meeting, %1</source>
        <translation>Pertemuan dibatalkan, %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Moved from %1</source>
        <translation>Dipindahkan dari %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Reason: %1</source>
        <translation>Alasan: %1</translation>
    </message>
    <message>
        <location line="+142"/>
        <source>Undone.</source>
        <translation>Diurungkan.</translation>
    </message>
    <message>
        <location line="+54"/>
        <source>%1 marked present.</source>
        <translation>%1 peserta ditandai hadir.</translation>
    </message>
</context>
<context>
    <name>AttendanceView</name>
    <message>
        <location line="-20"/>
        <source>Present (H)</source>
        <translation>Hadir (H)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Sick (S)</source>
        <translation>Sakit (S)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Excused (I)</source>
        <translation>Izin (I)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Absent (A)</source>
        <translation>Alpa (A)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Clear the mark</source>
        <translation>Hapus tanda</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>All present in this meeting</source>
        <translation>Semua hadir pada pertemuan ini</translation>
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
        <location line="+112"/>
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
        <location filename="../../app/views/admin/backups.py" line="+24"/>
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
        <location line="+8"/>
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
    <name>BatchDialog</name>
    <message>
        <location filename="../../app/views/training/dialogs.py" line="+78"/>
        <source>Edit training batch</source>
        <translation>Ubah angkatan pelatihan</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>New training batch</source>
        <translation>Angkatan pelatihan baru</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>e.g. JP-2026-03</source>
        <translation>mis. JP-2026-03</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>e.g. JFT-Basic A2 / JLPT N4, EPS-TOPIK, Goethe B1</source>
        <translation>mis. JFT-Basic A2 / JLPT N4, EPS-TOPIK, Goethe B1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>e.g. BBPVP Serang, an LPK</source>
        <translation>mis. BBPVP Serang, sebuah LPK</translation>
    </message>
    <message>
        <location line="+12"/>
        <source> months</source>
        <translation> bulan</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>WIB</source>
        <translation>WIB</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>(not set)</source>
        <translation>(belum diisi)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Batch &amp;code</source>
        <translation>&amp;Kode angkatan</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>&amp;Language</source>
        <translation>&amp;Bahasa</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Target &amp;level</source>
        <translation>&amp;Target tingkat</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>&amp;Provider</source>
        <translation>&amp;Penyelenggara</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Venue</source>
        <translation>&amp;Tempat</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>&amp;Trainer</source>
        <translation>&amp;Instruktur</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Start date</source>
        <translation>Tanggal &amp;mulai</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>&amp;Duration</source>
        <translation>&amp;Lama</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Meeting days</source>
        <translation>Hari pertemuan</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Hours</source>
        <translation>Jam</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>C&amp;apacity</source>
        <translation>&amp;Kapasitas</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Minimum &amp;attendance</source>
        <translation>Kehadiran &amp;minimal</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Pass &amp;mark</source>
        <translation>Nilai &amp;kelulusan</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Funding scheme</source>
        <translation>Skema &amp;pembiayaan</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>&amp;Notes</source>
        <translation>&amp;Catatan</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A batch lasts 3 to 8 months. Its meetings are made from the meeting days, skipping the office&apos;s closed days.</source>
        <translation>Satu angkatan berlangsung 3 sampai 8 bulan. Pertemuannya dibuat dari hari pertemuan, dengan melewati hari libur kantor.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Save</source>
        <translation>Simpan</translation>
    </message>
</context>
<context>
    <name>BatchesModel</name>
    <message>
        <location filename="../../app/views/training/models.py" line="-82"/>
        <source>Batch</source>
        <translation>Angkatan</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Language</source>
        <translation>Bahasa</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Level</source>
        <translation>Tingkat</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Period</source>
        <translation>Periode</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Participants</source>
        <translation>Peserta</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>State</source>
        <translation>Keadaan</translation>
    </message>
</context>
<context>
    <name>CandidatesModel</name>
    <message>
        <location line="+33"/>
        <source>Registration no.</source>
        <translation>Nomor pendaftaran</translation>
    </message>
    <message>
        <location filename="../../app/views/orders/models.py" line="+84"/>
        <source>Rank</source>
        <translation>Peringkat</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Registration number</source>
        <translation>Nomor pendaftaran</translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../../app/views/training/models.py" line="+0"/>
        <source>Name</source>
        <translation>Nama</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Score</source>
        <translation>Nilai</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Placement</source>
        <translation>Penempatan</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Missing</source>
        <translation>Kekurangan</translation>
    </message>
    <message>
        <location filename="../../app/views/training/models.py" line="+1"/>
        <source>Present %</source>
        <translation>Hadir %</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Absent in a row</source>
        <translation>Absen beruntun</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Trend</source>
        <translation>Tren</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Latest score</source>
        <translation>Nilai terakhir</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Final test</source>
        <translation>Ujian akhir</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Result</source>
        <translation>Hasil</translation>
    </message>
</context>
<context>
    <name>ChangePasswordDialog</name>
    <message>
        <location filename="../../app/views/session/sign_in.py" line="+108"/>
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
        <location line="+7"/>
        <source>Save password</source>
        <translation>Simpan kata sandi</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Cancel</source>
        <translation>Batal</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>The two passwords differ.</source>
        <translation>Kedua kata sandi tidak sama.</translation>
    </message>
</context>
<context>
    <name>ChecklistModel</name>
    <message>
        <location filename="../../app/views/documents/model.py" line="+54"/>
        <source>Document</source>
        <translation>Dokumen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Requirement</source>
        <translation>Syarat</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Valid until</source>
        <translation>Berlaku sampai</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Scans</source>
        <translation>Pindaian</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Attention</source>
        <translation>Perhatian</translation>
    </message>
</context>
<context>
    <name>ChecklistWidget</name>
    <message>
        <location filename="../../app/views/documents/checklist.py" line="+135"/>
        <source>%1 p.</source>
        <translation>%1 hlm.</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Destination and departure…</source>
        <translation>Tujuan dan keberangkatan…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Print checklist…</source>
        <translation>Cetak daftar periksa…</translation>
    </message>
    <message>
        <location line="+51"/>
        <source>Document number</source>
        <translation>Nomor dokumen</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Issued on</source>
        <translation>Tanggal terbit</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Valid until</source>
        <translation>Berlaku sampai</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Name as printed</source>
        <translation>Nama tertulis</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Birth date as printed</source>
        <translation>Tanggal lahir tertulis</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>NIK as printed</source>
        <translation>NIK tertulis</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Note</source>
        <translation>Catatan</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Save as submitted</source>
        <translation>Simpan sebagai diserahkan</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+271"/>
        <source>Verify</source>
        <translation>Verifikasi</translation>
    </message>
    <message>
        <location line="-269"/>
        <source>Reject…</source>
        <translation>Tolak…</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Only a supervisor verifies or rejects documents.</source>
        <translation>Hanya penyelia yang memverifikasi atau menolak dokumen.</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Attach scan…</source>
        <translation>Unggah pindaian…</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+282"/>
        <source>Open</source>
        <translation>Buka</translation>
    </message>
    <message>
        <location line="-280"/>
        <source>Remove scan…</source>
        <translation>Hapus pindaian…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Drop JPEG, PNG or PDF files here (at most 20 MB each).</source>
        <translation>Tarik dan lepas berkas JPEG, PNG atau PDF ke sini (maksimal 20 MB per berkas).</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Scans</source>
        <translation>Pindaian</translation>
    </message>
    <message>
        <location line="+55"/>
        <source>Destination: %1</source>
        <translation>Tujuan: %1</translation>
    </message>
    <message>
        <location line="+0"/>
        <location line="+1"/>
        <source>not chosen</source>
        <translation>belum dipilih</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Sector: %1</source>
        <translation>Sektor: %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Planned departure: %1</source>
        <translation>Rencana berangkat: %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>not set</source>
        <translation>belum ditentukan</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>(from the first preferred country and sector)</source>
        <translation>(dari negara dan sektor pilihan pertama)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1 of %2 required documents verified (%3)</source>
        <translation>%1 dari %2 dokumen wajib terverifikasi (%3)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Still needed: %1</source>
        <translation>Masih diperlukan: %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Every required document is verified.</source>
        <translation>Semua dokumen wajib sudah terverifikasi.</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>Status: %1</source>
        <translation>Status: %1</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>verified by %1 on %2</source>
        <translation>diverifikasi oleh %1 pada %2</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>reason: %1</source>
        <translation>alasan: %1</translation>
    </message>
    <message>
        <location line="+119"/>
        <source>Save document</source>
        <translation>Simpan dokumen</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Reject</source>
        <translation>Tolak</translation>
    </message>
    <message>
        <location line="+5"/>
        <location line="+10"/>
        <source>Attach scan</source>
        <translation>Unggah pindaian</translation>
    </message>
    <message>
        <location line="-10"/>
        <source>Scans (*.jpg *.jpeg *.png *.pdf);;All files (*)</source>
        <translation>Pindaian (*.jpg *.jpeg *.png *.pdf);;Semua berkas (*)</translation>
    </message>
    <message>
        <location line="+33"/>
        <location line="+6"/>
        <source>Remove scan</source>
        <translation>Hapus pindaian</translation>
    </message>
    <message>
        <location line="-5"/>
        <source>Remove the scan %1 from this document? The removal is recorded.</source>
        <translation>Hapus pindaian %1 dari dokumen ini? Penghapusan dicatat di jejak audit.</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Destination and departure</source>
        <translation>Tujuan dan keberangkatan</translation>
    </message>
    <message>
        <location line="+17"/>
        <location line="+3"/>
        <source>Print checklist</source>
        <translation>Cetak daftar periksa</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The file could not be written: %1</source>
        <translation>Berkas tidak dapat ditulis: %1</translation>
    </message>
</context>
<context>
    <name>CompleteDialog</name>
    <message>
        <location filename="../../app/views/training/dialogs.py" line="+155"/>
        <source>Completion of %1</source>
        <translation>Kelulusan %1</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Required for failed or dropped out</source>
        <translation>Wajib untuk tidak lulus atau mengundurkan diri</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>May graduate: pass mark reached and attendance at or above the minimum.</source>
        <translation>Dapat lulus: nilai kelulusan tercapai dan kehadiran mencapai batas minimal.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Cannot graduate yet:</source>
        <translation>Belum dapat lulus:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Result</source>
        <translation>&amp;Hasil</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>R&amp;eason</source>
        <translation>&amp;Alasan</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Save</source>
        <translation>Simpan</translation>
    </message>
</context>
<context>
    <name>ConfirmRestoreDialog</name>
    <message>
        <location filename="../../app/views/admin/backups.py" line="-126"/>
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
        <location line="+2"/>
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
        <source>An administrator restores it, with the username and password as they are in the backup.</source>
        <translation>Administrator yang memulihkannya, dengan nama pengguna dan kata sandi seperti yang tersimpan di cadangan.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>&amp;Username</source>
        <translation>&amp;Nama pengguna</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Password</source>
        <translation>&amp;Kata sandi</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Quit</source>
        <translation>Tutup</translation>
    </message>
    <message>
        <location line="+23"/>
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
        <location filename="../../app/views/widgets.py" line="+112"/>
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
    <name>DocumentLabels</name>
    <message>
        <location filename="../../app/views/documents/model.py" line="-43"/>
        <source>Missing</source>
        <translation>Belum ada</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Submitted</source>
        <translation>Diserahkan</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Verified</source>
        <translation>Terverifikasi</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Rejected</source>
        <translation>Ditolak</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Expired</source>
        <translation>Kedaluwarsa</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Required</source>
        <translation>Wajib</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Optional</source>
        <translation>Opsional</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Not needed</source>
        <translation>Tidak perlu</translation>
    </message>
    <message>
        <location filename="../../app/views/documents/admin.py" line="+18"/>
        <source>Registration</source>
        <translation>Pendaftaran</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Placement</source>
        <translation>Penempatan</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Departure</source>
        <translation>Keberangkatan</translation>
    </message>
</context>
<context>
    <name>DocumentTemplatesPage</name>
    <message>
        <location line="+84"/>
        <location line="+69"/>
        <source>Document types and checklist templates</source>
        <translation>Jenis dokumen dan templat daftar periksa</translation>
    </message>
    <message>
        <location line="-67"/>
        <source>The most specific rule applies: country and sector, then country, then sector, then the general rule (any country, any sector). Changes apply to every checklist at once and are recorded.</source>
        <translation>Aturan yang paling khusus berlaku: negara dan sektor, lalu negara, lalu sektor, lalu aturan umum (semua negara, semua sektor). Perubahan langsung berlaku untuk semua daftar periksa dan dicatat di jejak audit.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>New type…</source>
        <translation>Jenis baru…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Edit type…</source>
        <translation>Ubah jenis…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Set rule…</source>
        <translation>Atur aturan…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Remove rule…</source>
        <translation>Hapus aturan…</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Document types</source>
        <translation>Jenis dokumen</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Checklist rules</source>
        <translation>Aturan daftar periksa</translation>
    </message>
    <message>
        <location line="+77"/>
        <source>Remove rule</source>
        <translation>Hapus aturan</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Remove this rule? The less specific rules apply again.</source>
        <translation>Hapus aturan ini? Aturan yang lebih umum berlaku kembali.</translation>
    </message>
</context>
<context>
    <name>EnrolDialog</name>
    <message>
        <location filename="../../app/views/training/dialogs.py" line="-107"/>
        <source>Enrol in %1</source>
        <translation>Daftarkan peserta ke %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Name or registration number</source>
        <translation>Nama atau nomor pendaftaran</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Enrol</source>
        <translation>Daftarkan</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Only applicants who are registered, collecting documents, ready or returned, and not in another active batch of this language.</source>
        <translation>Hanya pendaftar berstatus Terdaftar, Melengkapi dokumen, Siap ditempatkan atau Kembali, yang tidak sedang aktif di angkatan lain dengan bahasa yang sama.</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>%1 chosen, %2 places free</source>
        <translation>%1 dipilih, sisa tempat %2</translation>
    </message>
</context>
<context>
    <name>EnrolModel</name>
    <message>
        <location filename="../../app/views/training/models.py" line="+65"/>
        <source>Registration no.</source>
        <translation>Nomor pendaftaran</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Name</source>
        <translation>Nama</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Status</source>
        <translation>Status</translation>
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
    <name>ExpiringDocumentsPage</name>
    <message>
        <location filename="../../app/views/documents/expiring.py" line="+25"/>
        <location line="+69"/>
        <source>Documents expiring soon</source>
        <translation>Dokumen segera kedaluwarsa</translation>
    </message>
    <message>
        <location line="-64"/>
        <source> days</source>
        <translation> hari</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>All sub-districts</source>
        <translation>Semua kecamatan</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>All destinations</source>
        <translation>Semua tujuan</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Refresh</source>
        <translation>Muat ulang</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Passports are listed too when less validity is left than the office requires. Double-click a row to open the applicant.</source>
        <translation>Paspor juga tercantum bila sisa masa berlakunya kurang dari yang disyaratkan kantor. Klik dua kali sebuah baris untuk membuka pendaftar.</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Within</source>
        <translation>Dalam</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Sub-district</source>
        <translation>Kecamatan</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Destination</source>
        <translation>Tujuan</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>%1 documents</source>
        <translation>%1 dokumen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 documents (the first %2 shown)</source>
        <translation>%1 dokumen (%2 pertama ditampilkan)</translation>
    </message>
</context>
<context>
    <name>ExpiringModel</name>
    <message>
        <location filename="../../app/views/documents/model.py" line="+93"/>
        <source>Valid until</source>
        <translation>Berlaku sampai</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Days left</source>
        <translation>Sisa hari</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Document</source>
        <translation>Dokumen</translation>
    </message>
    <message>
        <location line="+1"/>
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
        <source>Sub-district</source>
        <translation>Kecamatan</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Destination</source>
        <translation>Tujuan</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Status</source>
        <translation>Status</translation>
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
    <name>FitsModel</name>
    <message>
        <location filename="../../app/views/orders/models.py" line="+50"/>
        <source>Number</source>
        <translation>Nomor</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Country</source>
        <translation>Negara</translation>
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
        <source>Score</source>
        <translation>Nilai</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>What is missing</source>
        <translation>Yang belum terpenuhi</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Meets every requirement</source>
        <translation>Memenuhi semua syarat</translation>
    </message>
</context>
<context>
    <name>FolderField</name>
    <message>
        <location filename="../../app/views/admin/settings_page.py" line="+37"/>
        <source>empty: backups only in the data folder</source>
        <translation>kosong: cadangan hanya di folder data</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Choose…</source>
        <translation>Pilih…</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Choose the extra backup folder</source>
        <translation>Pilih folder cadangan tambahan</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>This folder is not available now (USB disk not plugged in?). Backups there are skipped, with a message, until it is; the data folder is always backed up.</source>
        <translation>Folder ini tidak tersedia sekarang (diska USB tidak terpasang?). Cadangan ke folder ini dilewati, dengan pemberitahuan, sampai tersedia lagi; folder data selalu dicadangkan.</translation>
    </message>
</context>
<context>
    <name>FundingDialog</name>
    <message>
        <location filename="../../app/views/orders/funding.py" line="+22"/>
        <source>Funding of %1 (%2)</source>
        <translation>Pembiayaan %1 (%2)</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>— choose —</source>
        <translation>— pilih —</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Funding scheme</source>
        <translation>Skema pembiayaan</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>KUR PMI bank</source>
        <translation>Bank penyalur KUR PMI</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Loan (Rp)</source>
        <translation>Pinjaman (Rp)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Loan term (months)</source>
        <translation>Jangka waktu pinjaman (bulan)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>NPWP</source>
        <translation>NPWP</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Placement agreement signed on</source>
        <translation>Perjanjian penempatan ditandatangani</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Employment contract signed on</source>
        <translation>Perjanjian kerja ditandatangani</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Save</source>
        <translation>Simpan</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Close</source>
        <translation>Tutup</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>KUR PMI pre-check: complete.</source>
        <translation>Pemeriksaan awal KUR PMI: lengkap.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>KUR PMI pre-check: still missing</source>
        <translation>Pemeriksaan awal KUR PMI: masih kurang</translation>
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
    <name>HolidaysDialog</name>
    <message>
        <location filename="../../app/views/training/dialogs.py" line="+144"/>
        <location line="+80"/>
        <source>Closed days</source>
        <translation>Hari libur</translation>
    </message>
    <message>
        <location line="-60"/>
        <source>e.g. Cuti bersama Idul Fitri</source>
        <translation>mis. Cuti bersama Idul Fitri</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Add closed day</source>
        <translation>Tambah hari libur</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Remove selected</source>
        <translation>Hapus yang dipilih</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Year</source>
        <translation>Tahun</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>New batches skip these days. Meetings already on a new closed day stay: move or cancel them in the batch.</source>
        <translation>Angkatan baru melewati hari-hari ini. Pertemuan yang sudah ada pada hari libur baru tetap ada: pindahkan atau batalkan di angkatannya.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Close</source>
        <translation>Tutup</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>%1 meeting(s) are scheduled on that day: move or cancel them.</source>
        <translation>Ada %1 pertemuan terjadwal pada hari itu: pindahkan atau batalkan.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Remove the closed day %1 (%2)?</source>
        <translation>Hapus hari libur %1 (%2)?</translation>
    </message>
</context>
<context>
    <name>HolidaysModel</name>
    <message>
        <location filename="../../app/views/training/models.py" line="+60"/>
        <source>Date</source>
        <translation>Tanggal</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Day</source>
        <translation>Hari</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Name</source>
        <translation>Nama</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Meetings that day</source>
        <translation>Pertemuan hari itu</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Source</source>
        <translation>Sumber</translation>
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
        <source>Restored from a backup</source>
        <translation>Dipulihkan dari cadangan</translation>
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
        <source>Restored from</source>
        <translation>Dipulihkan dari</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Integrity check</source>
        <translation>Pemeriksaan keutuhan</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Schema revision</source>
        <translation>Revisi skema</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Rows per table</source>
        <translation>Jumlah baris per tabel</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Replaced database kept as</source>
        <translation>Basis data lama disimpan sebagai</translation>
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
        <location filename="../../app/views/session/lock.py" line="+76"/>
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
        <location filename="../../app/views/main_window.py" line="+46"/>
        <location line="+271"/>
        <source>Registration</source>
        <translation>Pendaftaran</translation>
    </message>
    <message>
        <location line="-270"/>
        <location line="+270"/>
        <source>Applicant list</source>
        <translation>Daftar pendaftar</translation>
    </message>
    <message>
        <location line="-249"/>
        <source>Office: %1</source>
        <translation>Kantor: %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>User: %1</source>
        <translation>Pengguna: %1</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Your role has no pages in this version yet.</source>
        <translation>Peran Anda belum memiliki halaman pada versi ini.</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>Expiring documents</source>
        <translation>Dokumen segera kedaluwarsa</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Language training</source>
        <translation>Pelatihan bahasa</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>At risk</source>
        <translation>Peserta berisiko</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Job orders</source>
        <translation>Lowongan</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Reports</source>
        <translation>Laporan</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Audit trail</source>
        <translation>Jejak audit</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Users</source>
        <translation>Pengguna</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Sync</source>
        <translation>Sinkronisasi</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Document templates</source>
        <translation>Templat dokumen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Backups</source>
        <translation>Cadangan</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Settings</source>
        <translation>Pengaturan</translation>
    </message>
    <message>
        <location line="+135"/>
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
        <location line="+17"/>
        <source>&amp;Help</source>
        <translation>&amp;Bantuan</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;About PMI Desk</source>
        <translation>&amp;Tentang PMI Desk</translation>
    </message>
    <message>
        <location line="+65"/>
        <source>Password changed.</source>
        <translation>Kata sandi telah diganti.</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>Language</source>
        <translation>Bahasa</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The language changes the next time PMI Desk starts.</source>
        <translation>Bahasa berubah saat PMI Desk dijalankan lagi.</translation>
    </message>
    <message>
        <location line="+81"/>
        <source>Cannot open</source>
        <translation>Tidak dapat dibuka</translation>
    </message>
</context>
<context>
    <name>MatchView</name>
    <message>
        <location filename="../../app/views/orders/match.py" line="+35"/>
        <source>Choose a job order in the list and press “Match candidates”.</source>
        <translation>Pilih lowongan di daftar lalu tekan “Cocokkan calon”.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Only those ready for placement</source>
        <translation>Hanya yang siap ditempatkan</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Also show who misses one requirement</source>
        <translation>Tampilkan juga yang kurang satu syarat</translation>
    </message>
    <message>
        <location line="+16"/>
        <location line="+68"/>
        <source>Select a candidate to see how the score is made up.</source>
        <translation>Pilih calon untuk melihat rincian nilainya.</translation>
    </message>
    <message>
        <location line="-63"/>
        <location line="+97"/>
        <source>Add to shortlist</source>
        <translation>Tambah ke daftar pendek</translation>
    </message>
    <message>
        <location line="-49"/>
        <location line="+5"/>
        <source>Matching</source>
        <translation>Pencocokan</translation>
    </message>
    <message>
        <location line="-5"/>
        <source>Loading the candidates…</source>
        <translation>Memuat data calon…</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>%1 of %2 applicants meet every requirement.</source>
        <translation>%1 dari %2 pendaftar memenuhi semua syarat.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Not met: %1.</source>
        <translation>Tidak terpenuhi: %1.</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Does not meet:</source>
        <translation>Tidak memenuhi:</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Rank %1, score %2 of 100</source>
        <translation>Peringkat %1, nilai %2 dari 100</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Unknown attendance, test scores or documents count half. Equal scores: registered earlier first.</source>
        <translation>Kehadiran, nilai tes, atau dokumen yang belum diketahui dihitung setengah. Nilai sama: yang mendaftar lebih dulu di atas.</translation>
    </message>
</context>
<context>
    <name>OrderDialog</name>
    <message>
        <location filename="../../app/views/orders/form.py" line="+33"/>
        <source>New job order</source>
        <translation>Lowongan baru</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Job order %1</source>
        <translation>Lowongan %1</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>New agency…</source>
        <translation>P3MI baru…</translation>
    </message>
    <message>
        <location line="+10"/>
        <location line="+4"/>
        <source>Any</source>
        <translation>Semua</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>None</source>
        <translation>Tidak ada</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Agency (P3MI)</source>
        <translation>P3MI</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Employer</source>
        <translation>Pemberi kerja</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Country</source>
        <translation>Negara</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sector</source>
        <translation>Sektor</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Position</source>
        <translation>Jabatan</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Quota (people)</source>
        <translation>Kuota (orang)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Currency</source>
        <translation>Mata uang</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Salary a month, from</source>
        <translation>Gaji per bulan, dari</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Salary a month, up to</source>
        <translation>Gaji per bulan, sampai</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Contract length (months)</source>
        <translation>Masa kontrak (bulan)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Costs charged to the worker (Rp)</source>
        <translation>Biaya yang ditanggung pekerja (Rp)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Funding schemes accepted</source>
        <translation>Skema pembiayaan yang diterima</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Deadline</source>
        <translation>Batas waktu</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>SIP number</source>
        <translation>Nomor SIP</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>SIP valid from</source>
        <translation>SIP berlaku mulai</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>SIP valid until</source>
        <translation>SIP berlaku sampai</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Sex</source>
        <translation>Jenis kelamin</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Age from</source>
        <translation>Umur dari</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Age up to</source>
        <translation>Umur sampai</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Minimum education</source>
        <translation>Pendidikan minimal</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Language</source>
        <translation>Bahasa</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Minimum level</source>
        <translation>Tingkat minimal</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Minimum height (cm)</source>
        <translation>Tinggi minimal (cm)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Years of experience in the sector</source>
        <translation>Pengalaman di sektor ini (tahun)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Required certificates (comma-separated)</source>
        <translation>Sertifikat wajib (pisahkan dengan koma)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Required documents (codes, comma-separated)</source>
        <translation>Dokumen wajib (kode, pisahkan dengan koma)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Description</source>
        <translation>Keterangan</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>The vacancy</source>
        <translation>Lowongan</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Requirements</source>
        <translation>Persyaratan</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Save</source>
        <translation>Simpan</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cancel</source>
        <translation>Batal</translation>
    </message>
    <message>
        <location line="+54"/>
        <source>About %1 – %2 a month</source>
        <translation>Sekitar %1 – %2 per bulan</translation>
    </message>
</context>
<context>
    <name>OrderLabels</name>
    <message>
        <location filename="../../app/views/orders/labels.py" line="+8"/>
        <source>Draft</source>
        <translation>Draf</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Open</source>
        <translation>Terbuka</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Closed</source>
        <translation>Ditutup</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Filled</source>
        <translation>Terpenuhi</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Shortlist</source>
        <translation>Daftar pendek</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Proposed to the agency</source>
        <translation>Diusulkan ke P3MI</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Interview</source>
        <translation>Wawancara</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Selected</source>
        <translation>Terpilih</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Contract</source>
        <translation>Kontrak kerja</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Visa</source>
        <translation>Visa kerja</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Pre-departure orientation</source>
        <translation>OPP (orientasi pra pemberangkatan)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Departed</source>
        <translation>Berangkat</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Rejected</source>
        <translation>Ditolak</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Withdrawn</source>
        <translation>Mengundurkan diri</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Language</source>
        <translation>Bahasa</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Attendance</source>
        <translation>Kehadiran</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Test scores</source>
        <translation>Nilai tes</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Documents</source>
        <translation>Dokumen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Experience</source>
        <translation>Pengalaman</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Preference</source>
        <translation>Preferensi</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Waiting time</source>
        <translation>Lama menunggu</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>status</source>
        <translation>status</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>sex</source>
        <translation>jenis kelamin</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>age</source>
        <translation>umur</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>education</source>
        <translation>pendidikan</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>language</source>
        <translation>bahasa</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>height</source>
        <translation>tinggi badan</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>experience</source>
        <translation>pengalaman</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>certificates</source>
        <translation>sertifikat</translation>
    </message>
</context>
<context>
    <name>OrdersModel</name>
    <message>
        <location filename="../../app/views/orders/models.py" line="-131"/>
        <source>Number</source>
        <translation>Nomor</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Country</source>
        <translation>Negara</translation>
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
        <source>Quota</source>
        <translation>Kuota</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Salary</source>
        <translation>Gaji</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>SIP valid until</source>
        <translation>SIP berlaku sampai</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Agency</source>
        <translation>P3MI</translation>
    </message>
</context>
<context>
    <name>OrdersPage</name>
    <message>
        <location filename="../../app/views/orders/page.py" line="+25"/>
        <source>Search number, employer, position or agency</source>
        <translation>Cari nomor, pemberi kerja, jabatan, atau P3MI</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>All statuses</source>
        <translation>Semua status</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>New job order…</source>
        <translation>Lowongan baru…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Edit…</source>
        <translation>Ubah…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Open</source>
        <translation>Buka</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Close…</source>
        <translation>Tutup…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Match candidates</source>
        <translation>Cocokkan calon</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Shortlist dossiers…</source>
        <translation>Dosir calon daftar pendek…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The dossiers of every candidate of the selected order (shortlist and later) in one PDF, with a cover page</source>
        <translation>Dosir semua calon lowongan yang dipilih (daftar pendek dan tahap sesudahnya) dalam satu PDF, dengan halaman sampul</translation>
    </message>
    <message>
        <location line="+47"/>
        <source>Job orders</source>
        <translation>Lowongan</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Matching</source>
        <translation>Pencocokan</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Placements</source>
        <translation>Penempatan</translation>
    </message>
    <message>
        <location line="+51"/>
        <source>Edit</source>
        <translation>Ubah</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Close job order</source>
        <translation>Tutup lowongan</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Why is %1 closed?</source>
        <translation>Mengapa %1 ditutup?</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Indonesian (complete, for the office and the agency)</source>
        <translation>Bahasa Indonesia (lengkap, untuk kantor dan P3MI)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>English (for employers abroad: without religion, NIK, KK, street address, phone)</source>
        <translation>Bahasa Inggris (untuk pemberi kerja di luar negeri: tanpa agama, NIK, KK, alamat jalan, telepon)</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+15"/>
        <location line="+16"/>
        <location line="+11"/>
        <source>Shortlist dossiers</source>
        <translation>Dosir calon daftar pendek</translation>
    </message>
    <message>
        <location line="-42"/>
        <source>Language of the dossiers:</source>
        <translation>Bahasa dosir:</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Select a job order first.</source>
        <translation>Pilih lowongan terlebih dahulu.</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Writing the dossiers of %1…</source>
        <translation>Menulis dosir calon %1…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cancel</source>
        <translation>Batal</translation>
    </message>
</context>
<context>
    <name>PasswordPair</name>
    <message>
        <location filename="../../app/views/admin/users.py" line="-77"/>
        <source>Repeat pass&amp;word</source>
        <translation>&amp;Ulangi kata sandi</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>The two passwords differ.</source>
        <translation>Kedua kata sandi tidak sama.</translation>
    </message>
</context>
<context>
    <name>PdfPreviewDialog</name>
    <message>
        <location filename="../../app/views/reports/preview.py" line="+130"/>
        <source>Preview: %1</source>
        <translation>Pratinjau: %1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Save…</source>
        <translation>Simpan…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Save a copy of this PDF (Ctrl+S)</source>
        <translation>Simpan salinan PDF ini (Ctrl+S)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Print…</source>
        <translation>Cetak…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Choose a printer and print (Ctrl+P)</source>
        <translation>Pilih printer lalu cetak (Ctrl+P)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Open in system viewer</source>
        <translation>Buka di penampil sistem</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Zoom out (Ctrl+-)</source>
        <translation>Perkecil (Ctrl+-)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Zoom in (Ctrl++)</source>
        <translation>Perbesar (Ctrl++)</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Fit width</source>
        <translation>Sesuaikan lebar</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Fit the page to the window&apos;s width (Ctrl+0)</source>
        <translation>Sesuaikan halaman dengan lebar jendela (Ctrl+0)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Close</source>
        <translation>Tutup</translation>
    </message>
    <message>
        <location line="+159"/>
        <source>Page %1 of %2</source>
        <translation>Halaman %1 dari %2</translation>
    </message>
    <message>
        <location line="+50"/>
        <source>Save PDF</source>
        <translation>Simpan PDF</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>PDF files (*.pdf)</source>
        <translation>Berkas PDF (*.pdf)</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Not saved</source>
        <translation>Belum tersimpan</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The file could not be written: %1</source>
        <translation>Berkas tidak dapat ditulis: %1</translation>
    </message>
    <message>
        <location line="+9"/>
        <location line="+66"/>
        <source>Print</source>
        <translation>Cetak</translation>
    </message>
    <message>
        <location line="-1"/>
        <source>Printing…</source>
        <translation>Mencetak…</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Cancel</source>
        <translation>Batal</translation>
    </message>
    <message>
        <location line="+8"/>
        <location line="+16"/>
        <source>Not printed</source>
        <translation>Tidak tercetak</translation>
    </message>
    <message>
        <location line="-16"/>
        <source>The printer could not be started.</source>
        <translation>Printer tidak dapat dijalankan.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Printing page %1 of %2…</source>
        <translation>Mencetak halaman %1 dari %2…</translation>
    </message>
    <message>
        <location line="+45"/>
        <source>Preview</source>
        <translation>Pratinjau</translation>
    </message>
</context>
<context>
    <name>PlacementBoard</name>
    <message>
        <location filename="../../app/views/orders/board.py" line="+47"/>
        <location line="+40"/>
        <source>Select a placement.</source>
        <translation>Pilih penempatan.</translation>
    </message>
    <message>
        <location line="-38"/>
        <location line="+67"/>
        <source>Next stage</source>
        <translation>Tahap berikutnya</translation>
    </message>
    <message>
        <location line="-66"/>
        <source>Rejected…</source>
        <translation>Ditolak…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Withdrawn…</source>
        <translation>Mengundurkan diri…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Funding…</source>
        <translation>Pembiayaan…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Refresh</source>
        <translation>Muat ulang</translation>
    </message>
    <message>
        <location line="+72"/>
        <source>Reason:</source>
        <translation>Alasan:</translation>
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
    <name>QuickStartWatcher</name>
    <message>
        <location filename="../../app/views/quick_start.py" line="+79"/>
        <source>Signed out</source>
        <translation>Keluar dari sesi</translation>
    </message>
</context>
<context>
    <name>RejectDialog</name>
    <message>
        <location filename="../../app/views/documents/checklist.py" line="+38"/>
        <source>Reject document</source>
        <translation>Tolak dokumen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Why is %1 rejected? The counter staff and the applicant read this reason.</source>
        <translation>Mengapa %1 ditolak? Petugas loket dan pendaftar akan membaca alasan ini.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>e.g. the scan is unreadable; the name differs from the KTP</source>
        <translation>mis. pindaian tidak terbaca; nama berbeda dengan KTP</translation>
    </message>
    <message>
        <location line="-3"/>
        <source>Reject</source>
        <translation>Tolak</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Cancel</source>
        <translation>Batal</translation>
    </message>
</context>
<context>
    <name>ReportsPage</name>
    <message>
        <location filename="../../app/views/reports/page.py" line="+51"/>
        <location line="+95"/>
        <source>MoU progress report</source>
        <translation>Laporan kemajuan MoU</translation>
    </message>
    <message>
        <location line="-87"/>
        <source>From</source>
        <translation>Dari</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>To</source>
        <translation>Sampai</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+25"/>
        <source>Preview and print…</source>
        <translation>Pratinjau dan cetak…</translation>
    </message>
    <message>
        <location line="-24"/>
        <source>The report as PDF in the preview: save, print or open it from there</source>
        <translation>Laporan sebagai PDF di pratinjau: simpan, cetak, atau buka dari sana</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Save Excel…</source>
        <translation>Simpan Excel…</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Figures for the period against the MoU targets (set in Settings), with breakdowns by kecamatan, sex, age, education, country, sector and funding, and training completion and attendance. Counts only: no personal data.</source>
        <translation>Angka periode dibanding target MoU (diatur di Pengaturan), dengan rincian menurut kecamatan, jenis kelamin, umur, pendidikan, negara, sektor dan pembiayaan, serta penyelesaian dan kehadiran pelatihan. Hanya jumlah: tanpa data pribadi.</translation>
    </message>
    <message>
        <location line="+10"/>
        <location line="+85"/>
        <source>Vacancy board</source>
        <translation>Papan lowongan</translation>
    </message>
    <message>
        <location line="-84"/>
        <source>The open job orders with their SIP, requirements, salary and costs, on A4 landscape for the notice board.</source>
        <translation>Lowongan terbuka dengan SIP, persyaratan, gaji dan biayanya, pada A4 melintang untuk papan pengumuman.</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Open the Excel file after saving</source>
        <translation>Buka berkas Excel setelah disimpan</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Not saved</source>
        <translation>Tidak disimpan</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Not made</source>
        <translation>Tidak dibuat</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Saved: %1</source>
        <translation>Tersimpan: %1</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Save Excel</source>
        <translation>Simpan Excel</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Excel files (*.xlsx)</source>
        <translation>Berkas Excel (*.xlsx)</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Counting and writing the report…</source>
        <translation>Menghitung dan menulis laporan…</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Registered %1 · eligible %2 · graduated %3 · departed %4</source>
        <translation>Terdaftar %1 · memenuhi syarat %2 · lulus pelatihan %3 · berangkat %4</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Writing the vacancy board…</source>
        <translation>Menulis papan lowongan…</translation>
    </message>
</context>
<context>
    <name>ResetPasswordDialog</name>
    <message>
        <location filename="../../app/views/admin/users.py" line="+90"/>
        <source>Reset password of %1</source>
        <translation>Atur ulang kata sandi %1</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>New first &amp;password</source>
        <translation>Kata &amp;sandi awal baru</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The user must change it at the next sign-in; a lockout is lifted.</source>
        <translation>Pengguna wajib menggantinya saat masuk berikutnya; penguncian akun dicabut.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reset password</source>
        <translation>Atur ulang kata sandi</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Cancel</source>
        <translation>Batal</translation>
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
        <location filename="../../app/views/admin/users.py" line="-188"/>
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
    <name>RuleDialog</name>
    <message>
        <location filename="../../app/views/documents/admin.py" line="+73"/>
        <source>Checklist rule</source>
        <translation>Aturan daftar periksa</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Any country</source>
        <translation>Semua negara</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Any sector</source>
        <translation>Semua sektor</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Destination country</source>
        <translation>Negara tujuan</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sector</source>
        <translation>Sektor</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Document</source>
        <translation>Dokumen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Requirement</source>
        <translation>Syarat</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Save</source>
        <translation>Simpan</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Cancel</source>
        <translation>Batal</translation>
    </message>
</context>
<context>
    <name>RulesModel</name>
    <message>
        <location line="-256"/>
        <source>Country</source>
        <translation>Negara</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Sector</source>
        <translation>Sektor</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Document</source>
        <translation>Dokumen</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Requirement</source>
        <translation>Syarat</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>(any)</source>
        <translation>(semua)</translation>
    </message>
</context>
<context>
    <name>ScoreDialog</name>
    <message>
        <location filename="../../app/views/training/dialogs.py" line="-204"/>
        <source>Test score of %1</source>
        <translation>Nilai ujian %1</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>e.g. Monthly test 3</source>
        <translation>mis. Tes bulanan 3</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Kind</source>
        <translation>&amp;Jenis</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>&amp;Title</source>
        <translation>&amp;Judul</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Test &amp;date</source>
        <translation>&amp;Tanggal ujian</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>&amp;Score (0–100)</source>
        <translation>&amp;Nilai (0–100)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Save</source>
        <translation>Simpan</translation>
    </message>
</context>
<context>
    <name>ScoresDialog</name>
    <message>
        <location line="+213"/>
        <source>Scores of %1</source>
        <translation>Nilai %1</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Delete score…</source>
        <translation>Hapus nilai…</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Close</source>
        <translation>Tutup</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Delete score</source>
        <translation>Hapus nilai</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Delete the score %1 of “%2” (%3)?</source>
        <translation>Hapus nilai %1 untuk “%2” (%3)?</translation>
    </message>
</context>
<context>
    <name>ScoresModel</name>
    <message>
        <location filename="../../app/views/training/models.py" line="-23"/>
        <source>Test date</source>
        <translation>Tanggal ujian</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Kind</source>
        <translation>Jenis</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Title</source>
        <translation>Judul</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Score</source>
        <translation>Nilai</translation>
    </message>
</context>
<context>
    <name>SessionDialog</name>
    <message>
        <location filename="../../app/views/training/dialogs.py" line="-182"/>
        <source>Add a meeting</source>
        <translation>Tambah pertemuan</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Move the meeting of %1</source>
        <translation>Pindahkan pertemuan %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cancel the meeting of %1</source>
        <translation>Batalkan pertemuan %1</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>e.g. the trainer is ill, make-up class</source>
        <translation>mis. instruktur sakit, kelas pengganti</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>R&amp;eason</source>
        <translation>&amp;Alasan</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Date</source>
        <translation>&amp;Tanggal</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>&amp;New date</source>
        <translation>Tanggal &amp;baru</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Add</source>
        <translation>Tambah</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Move</source>
        <translation>Pindahkan</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cancel the meeting</source>
        <translation>Batalkan pertemuan</translation>
    </message>
</context>
<context>
    <name>SettingsPage</name>
    <message>
        <location filename="../../app/views/admin/settings_page.py" line="+21"/>
        <source>This office (all PCs, stored with the data)</source>
        <translation>Kantor ini (semua PC, disimpan bersama data)</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Save</source>
        <translation>Simpan</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Undo changes</source>
        <translation>Batalkan perubahan</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>This PC</source>
        <translation>PC ini</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The language changes the next time PMI Desk starts.</source>
        <translation>Bahasa berubah saat PMI Desk dijalankan lagi.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Language</source>
        <translation>&amp;Bahasa</translation>
    </message>
    <message>
        <location line="+4"/>
        <location line="+38"/>
        <location line="+46"/>
        <source>Settings</source>
        <translation>Pengaturan</translation>
    </message>
    <message>
        <location line="-8"/>
        <source>Nothing changed.</source>
        <translation>Tidak ada yang berubah.</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Saved; in effect now.</source>
        <translation>Tersimpan; langsung berlaku.</translation>
    </message>
</context>
<context>
    <name>SignInDialog</name>
    <message>
        <location filename="../../app/views/session/sign_in.py" line="-128"/>
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
        <location line="+79"/>
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
    <name>TargetDialog</name>
    <message>
        <location filename="../../app/views/documents/checklist.py" line="+11"/>
        <source>Destination and departure</source>
        <translation>Tujuan dan keberangkatan</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>First preferred country</source>
        <translation>Negara pilihan pertama</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>First preferred sector</source>
        <translation>Sektor pilihan pertama</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Destination country</source>
        <translation>Negara tujuan</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sector</source>
        <translation>Sektor</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Planned departure</source>
        <translation>Rencana berangkat</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Save</source>
        <translation>Simpan</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cancel</source>
        <translation>Batal</translation>
    </message>
</context>
<context>
    <name>TrainingDialogs</name>
    <message>
        <location filename="../../app/views/training/dialogs.py" line="-338"/>
        <source>Cancel</source>
        <translation>Batal</translation>
    </message>
</context>
<context>
    <name>TrainingLabels</name>
    <message>
        <location filename="../../app/views/training/models.py" line="-170"/>
        <source>Active</source>
        <translation>Aktif</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Graduated</source>
        <translation>Lulus</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Failed</source>
        <translation>Tidak lulus</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Dropped out</source>
        <translation>Mengundurkan diri</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Planned</source>
        <translation>Direncanakan</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Running</source>
        <translation>Berjalan</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Finished</source>
        <translation>Selesai</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>rising</source>
        <translation>naik</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>falling</source>
        <translation>turun</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>steady</source>
        <translation>tetap</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>below the minimum</source>
        <translation>di bawah batas minimal</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>absent 3 meetings in a row</source>
        <translation>tidak hadir 3 pertemuan berturut-turut</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Mock test</source>
        <translation>Tes latihan</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Final test</source>
        <translation>Ujian akhir</translation>
    </message>
</context>
<context>
    <name>TrainingPage</name>
    <message>
        <location filename="../../app/views/training/page.py" line="-467"/>
        <source>New batch…</source>
        <translation>Angkatan baru…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Edit…</source>
        <translation>Ubah…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Enrol…</source>
        <translation>Daftarkan peserta…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Closed days…</source>
        <translation>Hari libur…</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Language training</source>
        <translation>Pelatihan bahasa</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>All present (Shift+H)</source>
        <translation>Semua hadir (Shift+H)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Undo (Ctrl+Z)</source>
        <translation>Urungkan (Ctrl+Z)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Meetings</source>
        <translation>Pertemuan</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Add meeting…</source>
        <translation>Tambah pertemuan…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Move meeting…</source>
        <translation>Pindahkan pertemuan…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cancel meeting…</source>
        <translation>Batalkan pertemuan…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Print attendance sheet</source>
        <translation>Cetak daftar hadir</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Sheet: this meeting…</source>
        <translation>Daftar hadir pertemuan ini…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sheet: this month…</source>
        <translation>Daftar hadir bulan ini…</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Keys: H present · S sick · I excused · A absent · Delete clears · Shift+H all present · Ctrl+Z undo</source>
        <translation>Tombol: H hadir · S sakit · I izin · A alpa · Delete menghapus · Shift+H semua hadir · Ctrl+Z urungkan</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>Scores…</source>
        <translation>Nilai…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Record score…</source>
        <translation>Catat nilai…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Completion…</source>
        <translation>Kelulusan…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Graduates to “ready”</source>
        <translation>Lulusan ke “siap”</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Move graduates still waiting for their documents to “ready for placement” when their documents now allow it</source>
        <translation>Pindahkan lulusan yang masih menunggu dokumen ke “Siap ditempatkan” bila dokumennya kini memenuhi</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Certificate…</source>
        <translation>Sertifikat…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Batch recap…</source>
        <translation>Rekap angkatan…</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Attendance</source>
        <translation>Kehadiran</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Participants and scores</source>
        <translation>Peserta dan nilai</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>No training batch yet.</source>
        <translation>Belum ada angkatan pelatihan.</translation>
    </message>
    <message>
        <location line="+87"/>
        <source>Trainer: %1 · %2 · meetings held %3 of %4 · attendance %5 (minimum %6 %) · pass mark %7</source>
        <translation>Instruktur: %1 · %2 · pertemuan terlaksana %3 dari %4 · kehadiran %5 (minimal %6 %) · nilai kelulusan %7</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>trend: %1</source>
        <translation>kecenderungan: %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 at risk</source>
        <translation>%1 peserta berisiko</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>Undone.</source>
        <translation>Diurungkan.</translation>
    </message>
    <message>
        <location line="+14"/>
        <location line="+120"/>
        <source>Choose a meeting in the grid first.</source>
        <translation>Pilih dulu pertemuan di tabel.</translation>
    </message>
    <message>
        <location line="-71"/>
        <source>Record score</source>
        <translation>Catat nilai</translation>
    </message>
    <message>
        <location line="+0"/>
        <location line="+12"/>
        <location line="+13"/>
        <source>Choose a participant first.</source>
        <translation>Pilih dulu seorang peserta.</translation>
    </message>
    <message>
        <location line="-13"/>
        <source>Scores</source>
        <translation>Nilai</translation>
    </message>
    <message>
        <location line="+13"/>
        <location line="+11"/>
        <location line="+14"/>
        <location line="+6"/>
        <source>Completion</source>
        <translation>Kelulusan</translation>
    </message>
    <message>
        <location line="-19"/>
        <source>Graduated. The move to “ready for placement” has to wait:</source>
        <translation>Lulus. Perpindahan ke “Siap ditempatkan” masih harus menunggu:</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>%1 graduate(s) moved to “ready for placement”.</source>
        <translation>%1 lulusan dipindahkan ke “Siap ditempatkan”.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 still waits:</source>
        <translation>%1 masih menunggu:</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Certificate</source>
        <translation>Sertifikat</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Choose a participant who has graduated.</source>
        <translation>Pilih peserta yang sudah lulus.</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>Save PDF</source>
        <translation>Simpan PDF</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>PDF saved: %1</source>
        <translation>PDF disimpan: %1</translation>
    </message>
</context>
<context>
    <name>TypeDialog</name>
    <message>
        <location filename="../../app/views/documents/admin.py" line="+160"/>
        <source>Document type</source>
        <translation>Jenis dokumen</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Expires</source>
        <translation>Dapat kedaluwarsa</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>by its own date</source>
        <translation>menurut tanggal pada dokumen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Name, birth date and NIK are printed on it</source>
        <translation>Memuat nama, tanggal lahir dan NIK</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>In use</source>
        <translation>Dipakai</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Code</source>
        <translation>Kode</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Name (Indonesian)</source>
        <translation>Nama (bahasa Indonesia)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Name (English)</source>
        <translation>Nama (bahasa Inggris)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Valid for (days from issue)</source>
        <translation>Masa berlaku (hari sejak terbit)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Needed at</source>
        <translation>Diperlukan pada tahap</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Order</source>
        <translation>Urutan</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Save</source>
        <translation>Simpan</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Cancel</source>
        <translation>Batal</translation>
    </message>
</context>
<context>
    <name>TypesModel</name>
    <message>
        <location line="-241"/>
        <source>Code</source>
        <translation>Kode</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Document</source>
        <translation>Dokumen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Validity (days)</source>
        <translation>Masa berlaku (hari)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Identity</source>
        <translation>Identitas</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Stage</source>
        <translation>Tahap</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Active</source>
        <translation>Aktif</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>yes</source>
        <translation>ya</translation>
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
        <location line="+193"/>
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
    <name>Worker</name>
    <message>
        <location filename="../../app/views/worker.py" line="+100"/>
        <source>Cancelling…</source>
        <translation>Membatalkan…</translation>
    </message>
    <message>
        <location line="+21"/>
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
