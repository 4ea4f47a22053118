// Placeholder so the module builds while its stage is written.
