-- The recipients of an agence's tableau de suivi (seed 002 art. 5.2 a: the counsellor and the
-- social worker, the director and the FSE officer of France Travail, the territorial insertion
-- counsellors, the Département's project officer), and each sending of a review's tableau.
-- A recipient is a function and a professional address: no person supported is named here.
-- @all
CREATE TABLE review_recipients (
  id {{PK}},
  agence_id BIGINT NOT NULL REFERENCES organisations(id),
  function_code TEXT NOT NULL,
  email TEXT NOT NULL,
  updated_by BIGINT NOT NULL REFERENCES users(id),
  updated_at TEXT NOT NULL,
  UNIQUE (agence_id, email)
);
CREATE INDEX review_recipients_agence ON review_recipients (agence_id, id);

CREATE TABLE review_sendings (
  id {{PK}},
  review_id BIGINT NOT NULL REFERENCES portfolio_reviews(id),
  sent_by BIGINT NOT NULL REFERENCES users(id),
  sent_at TEXT NOT NULL,
  recipients INTEGER NOT NULL,
  failures INTEGER NOT NULL
);
CREATE INDEX review_sendings_review ON review_sendings (review_id, id);
