SELECT * FROM entities;
