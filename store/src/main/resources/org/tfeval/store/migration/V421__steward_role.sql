-- The data steward (issue 12, item 7): manages restricted-use access, sees no record data.
ALTER TABLE web_account DROP CONSTRAINT web_account_role_check;
ALTER TABLE web_account ADD CONSTRAINT web_account_role_check
    CHECK (role IN ('administrator', 'site_coordinator', 'coder', 'analyst', 'task_force_viewer', 'privacy_officer',
        'steward'));
