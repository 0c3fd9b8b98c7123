-- Phone numbers and TOTP secrets are stored sealed with SM4-GCM ("sm4g:<key id>:<base64>", about 90
-- characters for a 32-character secret). The values are sealed by the application at its next start
-- (org.luoshi.crypto.FieldCipher#reseal), not here: the key is configuration, never in a migration.
alter table person alter column phone set data type varchar(255);
alter table account alter column totp_secret set data type varchar(255);
