// Operations of this area, one file each, named after the operation.
export {};
