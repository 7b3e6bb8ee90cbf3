-- Version 6: left empty on the documents branch (issue 18) so that 0007-documents.sql keeps its number;
-- other branches of this round add their own 0006 migration. When merging, keep theirs and drop this file.
SELECT 1;
