-- Version 5: left empty on the documents branch (issue 18) so that 0007-documents.sql keeps its number;
-- other branches of this round add their own 0005 migration. When merging, keep theirs and drop this file.
SELECT 1;
