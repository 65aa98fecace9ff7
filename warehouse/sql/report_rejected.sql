SELECT source_name, origin, reason, rejected_at FROM rejected_documents ORDER BY rejected_at DESC LIMIT 50;
