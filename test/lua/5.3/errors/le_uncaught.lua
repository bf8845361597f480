print({} <= {})
