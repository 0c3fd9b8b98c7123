-- The digest address is stored sealed with SM4-GCM like phone numbers (account.SealedEmail): a 254-character
-- address becomes about 400 characters ("sm4g:<key id>:<base64 of nonce, text and tag>"). Sealed by the
-- application at its next start, not here: the key is configuration, never in a migration.
alter table account alter column email set data type varchar(512);
