-- The bytes of uploads when training.uploads.store is "database" (several nodes on one database): each row
-- belongs to its attachment's metadata row. Empty with the default store "directory".
create table attachment_content (
    id varchar(255) not null,
    content bytea not null,
    primary key (id),
    constraint attachment_content_attachment foreign key (id) references attachment (id) on delete cascade
);
