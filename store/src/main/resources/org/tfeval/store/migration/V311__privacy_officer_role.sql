-- The privacy officer reviews de-identification and alone reads transcripts' originals and the key map.
ALTER TABLE web_account DROP CONSTRAINT web_account_role_check;
ALTER TABLE web_account ADD CONSTRAINT web_account_role_check CHECK (role IN ('administrator', 'site_coordinator',
    'coder', 'analyst', 'task_force_viewer', 'privacy_officer'));
