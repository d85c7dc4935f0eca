-- Which organisations report the largest amounts of migrants returned, by quarter.
-- The organisation is the claim's source, else its agent (who did the returning).
-- Only head counts (no unit) whose period fits in one quarter; parts of a counted
-- total ("dont 6 100") are left out so that nothing is counted twice.
SELECT strftime(period_start, '%Y') || '-Q' || quarter(period_start) AS quarter,
       coalesce(source_name, agent_name) AS organisation,
       CASE WHEN source_name IS NULL THEN agent_kb_id ELSE source_kb_id END AS kb_id,
       sum(value)::BIGINT AS migrants_returned,
       count(*) AS claims,
       string_agg(DISTINCT doc_id, ', ' ORDER BY doc_id) AS documents
FROM 'out/sample/claims/*.parquet'
WHERE predicate IN ('rapatrier', 'rapatriement', 'retour', 'reconduire', 'reconduite',
                    'renvoyer', 'renvoi', 'expulser', 'expulsion', 'éloigner',
                    'éloignement', 'réadmettre', 'réadmission')
  AND unit IS NULL
  AND part_of_start IS NULL
  AND coalesce(source_name, agent_name) IS NOT NULL
  AND date_trunc('quarter', period_start) = date_trunc('quarter', period_end)
GROUP BY ALL
ORDER BY quarter, migrants_returned DESC;
