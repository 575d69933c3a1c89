export { cx } from "./cx";
export { Button, LinkButton, buttonClasses } from "./button";
export { controlProps, FieldError, FieldShell, FileField, TextField, TextArea, SelectField } from "./field";
export { Card, EmptyState, Alert } from "./card";
export { Badge, type BadgeTone } from "./badge";
export { Table, Th, Td } from "./table";
export { SubmitButton } from "./submit-button";
export { Toast } from "./toast";
