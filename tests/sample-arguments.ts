/** Test and bench support: a well-formed token and tenant id, with no test runner behind them. */
export const TOKEN = "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ0ZXN0In0.c2lnbmF0dXJl";
export const TENANT = "9c5d131d-b1c3-4fc4-9e3f-c6557947d551";
