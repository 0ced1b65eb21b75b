-- Memos travel in REFI-QDA projects as Notes (issue 11 item 7): each memo keeps the GUID it is exchanged
-- under, so export -> import -> export gives the same project and a second import adds nothing.
ALTER TABLE qual_memo ADD COLUMN guid uuid NOT NULL DEFAULT gen_random_uuid();
ALTER TABLE qual_memo ADD CONSTRAINT qual_memo_guid_key UNIQUE (guid);
